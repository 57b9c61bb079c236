// Command ids the engine names in what it returns (a CodeLens runs one): the extension registers them.

/** Review and apply the plan of a site (the CodeLens above a plan's assignments). */
export const REVIEW_AND_APPLY = 'bmsLicense.reviewAndApply';
