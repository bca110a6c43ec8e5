/** The demo site's browser script: each page says which one it is in `<body data-page>`. */
import { startOpportunityList } from "./opportunityList";
import { startPartnerCenterView } from "./partnerCenterView";

const page = document.body.dataset.page;
if (page === "opportunities") startOpportunityList();
else if (page === "partner-center") startPartnerCenterView();
