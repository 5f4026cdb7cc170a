namespace Crm.Sdk.Pipelines;

/// <summary>Sales pipelines: their stages, and the summary of the deals in them.</summary>
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

    /// <summary>Finds a pipeline by name (case-insensitive), or <see langword="null"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pipeline, or <see langword="null"/>.</returns>
    Task<Pipeline?> FindByNameAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Lists every pipeline, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pipelines.</returns>
    Task<IReadOnlyList<Pipeline>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Saves the changes made to a pipeline through its methods, if nobody changed it since it was read.</summary>
    /// <param name="pipeline">The changed pipeline.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ConcurrencyConflictException">The pipeline changed since it was read.</exception>
    Task UpdateAsync(Pipeline pipeline, CancellationToken cancellationToken = default);

    /// <summary>
    /// The pipeline summary, computed in the database: per stage, the number of deals, their amount per currency and
    /// the amount weighted by the stage's win probability; and the weighted total of the open stages (the forecast).
    /// </summary>
    /// <param name="id">The pipeline.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The summary, stages in pipeline order.</returns>
    /// <exception cref="EntityNotFoundException">No pipeline has that id.</exception>
    Task<PipelineSummary> GetSummaryAsync(PipelineId id, CancellationToken cancellationToken = default);
}
