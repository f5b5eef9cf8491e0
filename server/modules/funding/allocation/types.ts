/**
 * The allocation problem and its result (the file interface of `npm run lotse -- allocate`, README "Funding").
 * Amounts are whole euros. An application is funded in full (value: its score), cut to the minimum the applicant
 * accepted (value: score × minimum / requested — a cut project does proportionally less), or not at all.
 */
export type AllocationApplication = {
  id: string;
  /** The weighted score, 0–100 (the mean over reviewers). */
  score: number;
  requested: number;
  /** The least amount accepted; null or equal to `requested`: only the full amount. */
  minimum: number | null;
  /** The Stadtbezirk (for the district floor). */
  district: string;
  /** No earlier funding (for the first-time floor). */
  firstTime: boolean;
};

export type AllocationProblem = {
  budget: number;
  floors: {
    /** At least this many funded projects in each Stadtbezirk that has applications (fewer where it has fewer). */
    perDistrict: number;
    /** At least this share (0–1) of the budget to first-time applicants. */
    firstTimeShare: number;
  };
  applications: AllocationApplication[];
};

export type Funding = 'full' | 'cut' | 'none';

export type AllocationDecision = { id: string; funding: Funding; amount: number; value: number };

export type AllocationResult = {
  status: 'optimal' | 'infeasible' | 'time_limit';
  /** The total weighted score of the proposal. */
  objective: number;
  /** A proven upper bound of the best total (equal to the objective when optimal). */
  bound: number;
  /** (bound − objective) / max(1, bound). */
  gap: number;
  seconds: number;
  /** The euros the proposal spends. */
  spent: number;
  /** Which method proved it: the specialised branch and bound or HiGHS. */
  method: 'branch_and_bound' | 'highs';
  decisions: AllocationDecision[];
};

/** What changes when one decision is flipped (a funded one left out, or one left out funded). */
export type FlipExplanation = {
  id: string;
  /** The decision the proposal made, and the one forced instead. */
  from: Funding;
  forced: 'funded' | 'none';
  /** How the flipped application is funded then (full or cut when forced in). */
  to: Funding;
  status: AllocationResult['status'];
  /** The best total with the flip, and how much less it is. */
  objective: number;
  loss: number;
  /** The other applications whose funding changes. */
  changes: { id: string; from: Funding; to: Funding }[];
};
