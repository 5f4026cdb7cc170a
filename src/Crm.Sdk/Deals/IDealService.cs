namespace Crm.Sdk.Deals;

/// <summary>Deals (opportunities): create, move through the stages of their pipeline, win, lose, reopen, list.</summary>
public interface IDealService
{
    /// <summary>Creates a deal in the draft's pipeline, at its initial stage (the first open stage unless the draft names one).</summary>
    /// <param name="draft">The deal's data.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved deal.</returns>
    /// <exception cref="CrmValidationException">The draft breaks a rule.</exception>
    /// <exception cref="EntityNotFoundException">The pipeline or the customer does not exist.</exception>
    Task<Deal> CreateAsync(DealDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Reads a deal.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deal.</returns>
    /// <exception cref="EntityNotFoundException">No deal has that id.</exception>
    Task<Deal> GetAsync(DealId id, CancellationToken cancellationToken = default);

    /// <summary>Saves changes made through the deal's methods, if nobody changed it since it was read.</summary>
    /// <param name="deal">The changed deal.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ConcurrencyConflictException">The deal changed since it was read.</exception>
    Task UpdateAsync(Deal deal, CancellationToken cancellationToken = default);

    /// <summary>Moves a deal to another stage of its pipeline (a closed-won or closed-lost stage wins or loses it).</summary>
    /// <param name="id">The deal.</param>
    /// <param name="stageId">A stage of the deal's pipeline.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved deal.</returns>
    /// <exception cref="DomainRuleException">The deal is closed, or the stage is not in its pipeline.</exception>
    Task<Deal> MoveToStageAsync(DealId id, StageId stageId, CancellationToken cancellationToken = default);

    /// <summary>Wins a deal: moves it to its pipeline's closed-won stage.</summary>
    /// <param name="id">The deal.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved deal.</returns>
    /// <exception cref="DomainRuleException">The deal is already closed.</exception>
    Task<Deal> WinAsync(DealId id, CancellationToken cancellationToken = default);

    /// <summary>Loses a deal: moves it to its pipeline's closed-lost stage.</summary>
    /// <param name="id">The deal.</param>
    /// <param name="reason">Why, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved deal.</returns>
    /// <exception cref="DomainRuleException">The deal is already closed.</exception>
    Task<Deal> LoseAsync(DealId id, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>Reopens a won or lost deal, at the given open stage or the last open stage it was in.</summary>
    /// <param name="id">The deal.</param>
    /// <param name="stageId">The open stage to reopen at, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved deal.</returns>
    /// <exception cref="DomainRuleException">The deal is not closed, or the stage is not an open stage of its pipeline.</exception>
    Task<Deal> ReopenAsync(DealId id, StageId? stageId = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the deals of a pipeline, optionally of one stage, newest first.</summary>
    /// <param name="pipelineId">The pipeline.</param>
    /// <param name="stageId">The stage, or <see langword="null"/> for every stage.</param>
    /// <param name="page">Which page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One page of deals.</returns>
    Task<Page<Deal>> ListAsync(PipelineId pipelineId, StageId? stageId, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Lists the deals of a customer, newest first.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="page">Which page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One page of deals.</returns>
    Task<Page<Deal>> ListByCustomerAsync(CustomerId customerId, PageRequest page, CancellationToken cancellationToken = default);
}
