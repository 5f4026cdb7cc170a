namespace Crm.Sdk.Duplicates;

/// <summary>Progress of a scan of the whole store for duplicates.</summary>
/// <param name="CustomersExamined">Customers whose candidates were compared so far.</param>
/// <param name="CandidatesCompared">Candidate pairs scored so far (pairs sharing a blocking key).</param>
/// <param name="PairsFound">Pairs at or above the threshold so far.</param>
/// <param name="LastCustomerId">The last customer examined: pass it as <c>after</c> to resume an interrupted scan.</param>
public sealed record DuplicateScanProgress(long CustomersExamined, long CandidatesCompared, long PairsFound, CustomerId? LastCustomerId);
