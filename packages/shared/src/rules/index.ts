export {
  RULE_ISSUE_CODES,
  hasErrors,
  type RuleIssue,
  type RuleIssueCode,
  type RuleIssueSeverity,
  type RowIssue,
} from "./rule-issue.ts";
export {
  normalisePhoneNumber,
  PHONE_NUMBER_EXAMPLE,
  type PhoneNumberResult,
} from "./phone-number.ts";
export {
  normaliseExtension,
  EXTENSION_MIN_DIGITS,
  EXTENSION_MAX_DIGITS,
  FIRST_EXTENSION,
  nextExtensionAfter,
  type ExtensionResult,
} from "./extension.ts";
export { resolveLocationName, type CustomerLocation, type LocationNameResult } from "./location.ts";
export {
  checkPackageFields,
  type PackageFields,
  type PackageFieldsResult,
  type PackageRulesContext,
} from "./user-package-rules.ts";
export {
  userKeyOf,
  findDuplicateEmails,
  findNumberConflicts,
  seatDemand,
  checkQuotas,
  findRowsOverQuota,
  type NumberClaim,
  type NumberHolder,
  type SeatChange,
} from "./batch-rules.ts";
export {
  validateManualAdd,
  numbersToLookUp,
  type ManualAddRow,
  type ManualAddContext,
  type ManualAddValidation,
} from "./validate-manual-add.ts";
export {
  validateChangePackage,
  type ChangePackageUser,
  type ChangePackageRequest,
  type ChangePackageContext,
  type ChangePackageValidation,
} from "./validate-change-package.ts";
export {
  validateUserEdit,
  type EditableUser,
  type EditedUser,
  type UserEditContext,
  type UserEditIssue,
  type UserEditResult,
} from "./user-edit.ts";
export {
  checkBulkChangePackage,
  type BulkChangePackageResult,
  type BulkUser,
} from "./bulk-change-package.ts";
