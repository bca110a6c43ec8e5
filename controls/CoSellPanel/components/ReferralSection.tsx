/**
 * What Partner Center and Microsoft gave the deal: the referral's id and link, and Microsoft's CRM id. The link
 * opens Partner Center in a new tab, and only when it really goes there (model/referralLink.ts).
 */
import { Link, Text } from "@fluentui/react";
import * as React from "react";
import type { Translate } from "../model/strings";
import type { ReadOnlyText, ReferralLinkView } from "../model/viewModel";
import { screenReaderOnly } from "./fieldParts";

const termStyle: React.CSSProperties = { fontWeight: 600, marginTop: 8 };
const valueStyle: React.CSSProperties = { margin: 0, overflowWrap: "anywhere" };

function Entry({ field, children }: React.PropsWithChildren<{ field: ReadOnlyText }>) {
  return (
    <>
      <dt style={termStyle}>
        <Text variant="small" style={{ fontWeight: 600 }}>
          {field.label}
        </Text>
      </dt>
      <dd style={valueStyle}>{children ?? <Text>{field.text}</Text>}</dd>
    </>
  );
}

export interface ReferralSectionProps {
  readonly referralId: ReadOnlyText;
  readonly referralLink: ReferralLinkView;
  readonly microsoftCrmId: ReadOnlyText;
  readonly t: Translate;
}

export function ReferralSection({ referralId, referralLink, microsoftCrmId, t }: ReferralSectionProps) {
  return (
    <dl style={{ margin: 0 }}>
      <Entry field={referralId} />
      <Entry field={referralLink}>
        {referralLink.href === null ? (
          <Text>{referralLink.text}</Text>
        ) : (
          <Link href={referralLink.href} target="_blank" rel="noopener noreferrer">
            {t("ReferralLink_Open")} <span className={screenReaderOnly}>{t("NewTab")}</span>
          </Link>
        )}
      </Entry>
      <Entry field={microsoftCrmId} />
    </dl>
  );
}
