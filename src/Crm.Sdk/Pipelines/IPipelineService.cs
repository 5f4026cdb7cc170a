namespace Crm.Sdk.Pipelines;

/// <summary>
/// Sales pipelines: create, read, change (rename, add and edit stages through the pipeline's methods, then
/// <see cref="UpdateAsync"/>), list and stream; and the summary of the deals in one. Pipelines are configuration and
/// have no command shortcuts; deals refer to them, so they are not deleted.
/// </summary>
/// <remarks>
/// With access control (<c>AddAccessControl</c>) every call checks the current actor and a denied call throws
/// <see cref="Security.AccessDeniedException"/> before anything is written. Pipelines have no owner: any level other than None reaches every pipeline. The summary counts and sums only the deals in the actor's deal scope, in the aggregate query. Reading one record by id that is out
/// of the actor's scope throws <see cref="Security.AccessDeniedException"/>, from <c>FindAsync</c> too (rather than
/// returning <see langword="null"/>): the denial is explicit and audited, and no data is returned.
/// </remarks>
public interface IPipelineService
{
    /// <summary>Creates a pipeline.</summary>
    /// <param name="draft">The name and the ordered stages.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved pipeline with its stage ids.</returns>
    /// <exception cref="CrmValidationException">The draft breaks a rule.</exception>
    Task<Pipeline> CreateAsync(PipelineDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Reads a pipeline.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pipeline.</returns>
    /// <exception cref="EntityNotFoundException">No pipeline has that id.</exception>
    Task<Pipeline> GetAsync(PipelineId id, CancellationToken cancellationToken = default);

    /// <summary>Reads a pipeline, or <see langword="null"/> when there is none with that id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pipeline, or <see langword="null"/>.</returns>
    Task<Pipeline?> FindAsync(PipelineId id, CancellationToken cancellationToken = default);

    /// <summary>Finds a pipeline by name (case-insensitive), or <see langword="null"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pipeline, or <see langword="null"/>.</returns>
    Task<Pipeline?> FindByNameAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Lists pipelines by name prefix, ordered by name, keyset-paged.</summary>
    /// <param name="filter">Which pipelines; <see cref="PipelineFilter.All"/> for every pipeline.</param>
    /// <param name="page">Which page; <see cref="PageRequest.First"/> for the first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One page of pipelines.</returns>
    /// <exception cref="CrmValidationException">The filter or the continuation token is invalid.</exception>
    Task<Page<Pipeline>> ListAsync(PipelineFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Streams every pipeline the filter selects, ordered by name.</summary>
    /// <param name="filter">Which pipelines; <see cref="PipelineFilter.All"/> for every pipeline.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The pipelines.</returns>
    IAsyncEnumerable<Pipeline> StreamAsync(PipelineFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Saves the changes made to a pipeline through its methods, if nobody changed it since it was read.</summary>
    /// <param name="pipeline">The changed pipeline.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ConcurrencyConflictException">The pipeline changed since it was read.</exception>
    Task UpdateAsync(Pipeline pipeline, CancellationToken cancellationToken = default);

    /// <summary>
    /// The pipeline summary, computed in the database: per stage, the number of deals, their amount per currency and
    /// the amount weighted by the stage's win probability; and the weighted total of the open stages (the forecast).
    /// Totals are <see cref="MoneyTotal"/> values, exact whatever their size: the total of valid amounts never makes this
    /// call fail.
    /// </summary>
    /// <param name="id">The pipeline.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The summary, stages in pipeline order.</returns>
    /// <exception cref="EntityNotFoundException">No pipeline has that id.</exception>
    Task<PipelineSummary> GetSummaryAsync(PipelineId id, CancellationToken cancellationToken = default);
}
