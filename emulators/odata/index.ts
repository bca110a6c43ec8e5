// The public surface of the OData query engine shared by the Partner Center and Dataverse emulators.
export type {
  BooleanLiteral,
  CaseConversionCall,
  CaseConversionName,
  ComparisonExpression,
  ComparisonOperator,
  DateLiteral,
  DateTimeLiteral,
  FilterExpression,
  FunctionCall,
  FunctionName,
  GuidLiteral,
  LambdaBody,
  LambdaExpression,
  LambdaOperator,
  LambdaPredicate,
  LiteralExpression,
  LogicalExpression,
  LogicalOperator,
  NonEmptyCollectionCheck,
  NotExpression,
  NullLiteral,
  NumberLiteral,
  PropertyPath,
  StringLiteral,
  StringPredicateCall,
  StringPredicateName,
} from "./ast";
export { describeFilter } from "./describe";
export { ODataQueryError, type QueryOption } from "./errors";
export { compileFilter, evaluateFilter, type FilterOptions } from "./evaluate";
export { parseOrderBy, type OrderByClause, type SortDirection } from "./orderby";
export { parseFilter } from "./parser";
export { sortRecords, type SortOptions } from "./sort";
export type { Instant } from "./temporal";
