using Crm.Sdk.Deals.Events;
using Crm.Sdk.Domain;
using Crm.Sdk.Pipelines;
using NodaTime;

namespace Crm.Sdk.Deals;

/// <summary>
/// A deal (sales opportunity) with a customer, moving through the stages of one <see cref="Pipeline"/>. Its
/// <see cref="Status"/> always agrees with the outcome of its current stage: reaching a closed-won stage wins it,
/// reaching a closed-lost stage loses it. A closed deal cannot move, be won or be lost until it is reopened
/// (rule <c>deal-closed</c>); its name, amount, expected close date and owner can still be corrected.
/// Every stage change closes the current <see cref="StageHistory"/> entry and opens a new one; stage changes
/// cannot be dated before the current stage was entered (rule <c>time-order</c>).
/// </summary>
public sealed class Deal : AggregateRoot<Deal>
{
    /// <summary>The most characters a deal name may have.</summary>
    public const int MaxNameLength = 300;

    /// <summary>The most characters an owner id may have.</summary>
    public const int MaxOwnerIdLength = 200;

    /// <summary>The most characters a lost reason may have.</summary>
    public const int MaxLostReasonLength = 1000;

    private readonly List<DealStageEntry> _stageHistory;

    private Deal(DealId id, CustomerId customerId, PipelineId pipelineId, string name, Money amount, IEnumerable<DealStageEntry> stageHistory)
        : base(id)
    {
        CustomerId = customerId;
        PipelineId = pipelineId;
        Name = name;
        Amount = amount;
        _stageHistory = [.. stageHistory];
    }

    /// <summary>The customer the deal is with.</summary>
    public CustomerId CustomerId { get; private set; }

    /// <summary>The pipeline the deal moves through.</summary>
    public PipelineId PipelineId { get; }

    /// <summary>The deal name.</summary>
    public string Name { get; private set; }

    /// <summary>The expected value of the deal; never negative.</summary>
    public Money Amount { get; private set; }

    /// <summary>The date the deal is expected to close, if known.</summary>
    public LocalDate? ExpectedCloseDate { get; private set; }

    /// <summary>The id of the host's user who owns the deal, if any.</summary>
    public string? OwnerId { get; private set; }

    /// <summary>The stage the deal is in now.</summary>
    public StageId StageId { get; private set; }

    /// <summary>Open, won or lost; agrees with the outcome of <see cref="StageId"/>.</summary>
    public DealStatus Status { get; private set; }

    /// <summary>The stages the deal has been in, oldest first; the last entry is the current stage and the only one without <see cref="DealStageEntry.LeftAt"/>.</summary>
    public IReadOnlyList<DealStageEntry> StageHistory => _stageHistory;

    /// <summary>Why the deal was lost, when it is lost and a reason was given.</summary>
    public string? LostReason { get; private set; }

    /// <summary>When the deal was won or lost; <see langword="null"/> while it is open.</summary>
    public Instant? ClosedAt { get; private set; }

    /// <summary>When the deal was created.</summary>
    public Instant CreatedAt { get; private set; }

    /// <summary>When the deal was last saved with a change.</summary>
    public Instant UpdatedAt { get; private set; }

    /// <summary>Whether the deal is won or lost.</summary>
    public bool IsClosed => Status != DealStatus.Open;

    /// <summary>Creates a deal in an open stage of a pipeline.</summary>
    /// <param name="draft">The deal's data; its <see cref="DealDraft.PipelineId"/> must be <paramref name="pipeline"/>'s id.</param>
    /// <param name="pipeline">The pipeline the deal moves through.</param>
    /// <param name="id">The id of the new deal.</param>
    /// <param name="now">The current time: the creation time and the time the deal entered its first stage.</param>
    /// <returns>The new open deal, with a <see cref="DealCreated"/> event.</returns>
    /// <exception cref="CrmValidationException">
    /// The draft breaks one or more rules; every broken rule is listed: <c>CustomerId</c> (<c>required</c>),
    /// <c>PipelineId</c> (<c>pipeline-mismatch</c>), <c>Name</c> (<c>required</c>, <c>max-length</c>), <c>Amount</c>
    /// (<c>amount-not-negative</c> and the <see cref="Money"/> rules), <c>OwnerId</c> (<c>max-length</c>),
    /// <c>InitialStageId</c> (<c>stage-not-in-pipeline</c>, <c>stage-not-open</c>).
    /// </exception>
    internal static Deal Create(DealDraft draft, Pipeline pipeline, DealId id, Instant now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(pipeline);
        var errors = new List<ValidationError>();
        if (id.Value == Guid.Empty)
        {
            errors.Add(new ValidationError("Id", "required", "The deal id must not be empty."));
        }

        if (draft.CustomerId.Value == Guid.Empty)
        {
            errors.Add(new ValidationError("CustomerId", "required", "A deal needs a customer."));
        }

        if (draft.PipelineId != pipeline.Id)
        {
            errors.Add(new ValidationError("PipelineId", "pipeline-mismatch", $"The draft names pipeline '{draft.PipelineId}' but pipeline '{pipeline.Id}' was given."));
        }

        var name = InputRules.Required(draft.Name, "Name", MaxNameLength, errors);
        PipelineRules.Amount(draft.Amount, "Amount", errors);
        var ownerId = InputRules.Optional(draft.OwnerId, "OwnerId", MaxOwnerIdLength, errors, out _);
        if (draft.ExpectedCloseDate is { } expected)
        {
            InputRules.Date(expected, "ExpectedCloseDate", errors);
        }

        var stage = pipeline.FirstOpenStage;
        if (draft.InitialStageId is { } initial && draft.PipelineId == pipeline.Id)
        {
            if (!pipeline.ContainsStage(initial))
            {
                errors.Add(new ValidationError("InitialStageId", "stage-not-in-pipeline", $"Stage '{initial}' is not a stage of pipeline '{pipeline.Id}'."));
            }
            else if (pipeline.GetStage(initial).IsClosed)
            {
                errors.Add(new ValidationError("InitialStageId", "stage-not-open", $"A deal starts in an open stage; '{pipeline.GetStage(initial).Name}' is closed. Create it, then win or lose it."));
            }
            else
            {
                stage = pipeline.GetStage(initial);
            }
        }

        InputRules.ThrowIfAny(errors);
        var deal = new Deal(id, draft.CustomerId, pipeline.Id, name!, draft.Amount, [new DealStageEntry(stage.Id, now, null)])
        {
            ExpectedCloseDate = draft.ExpectedCloseDate,
            OwnerId = ownerId,
            StageId = stage.Id,
            Status = DealStatus.Open,
            CreatedAt = now,
            UpdatedAt = now,
        };
        deal.Raise(new DealCreated(id, deal.CustomerId, deal.PipelineId, stage.Id, deal.Amount));
        return deal;
    }

    /// <summary>
    /// Moves the deal to a stage of its pipeline. Moving to a closed-won stage wins the deal, to a closed-lost stage loses it
    /// (without a reason; use <see cref="Lose(Pipeline, string?)"/> to give one). Moving an open deal to the stage it is in does nothing.
    /// </summary>
    /// <param name="pipeline">The deal's pipeline.</param>
    /// <param name="stageId">The stage to move to.</param>
    /// <exception cref="DomainRuleException">
    /// <paramref name="pipeline"/> is not the deal's pipeline (rule <c>pipeline-mismatch</c>), the stage is not in it
    /// (rule <c>stage-not-in-pipeline</c>, naming the stage), or the deal is won or lost (rule <c>deal-closed</c>).
    /// </exception>
    /// <exception cref="CrmValidationException">the current time is before the current stage was entered (field <c>At</c>, rule <c>time-order</c>).</exception>
    public void MoveTo(Pipeline pipeline, StageId stageId) =>
        MoveTo(pipeline, stageId, Now());

    /// <summary>
    /// Moves the deal to a stage of its pipeline. Moving to a closed-won stage wins the deal, to a closed-lost stage loses it
    /// (without a reason; use <see cref="Lose(Pipeline, string?)"/> to give one). Moving an open deal to the stage it is in does nothing.
    /// </summary>
    /// <param name="pipeline">The deal's pipeline.</param>
    /// <param name="stageId">The stage to move to.</param>
    /// <param name="at">When the deal moved; not before it entered its current stage.</param>
    /// <exception cref="DomainRuleException">
    /// <paramref name="pipeline"/> is not the deal's pipeline (rule <c>pipeline-mismatch</c>), the stage is not in it
    /// (rule <c>stage-not-in-pipeline</c>, naming the stage), or the deal is won or lost (rule <c>deal-closed</c>).
    /// </exception>
    /// <exception cref="CrmValidationException"><paramref name="at"/> is before the current stage was entered (field <c>At</c>, rule <c>time-order</c>).</exception>
    internal void MoveTo(Pipeline pipeline, StageId stageId, Instant at)
    {
        EnsurePipeline(pipeline);
        var stage = pipeline.GetStage(stageId);
        EnsureOpen("move");
        if (stage.Id == StageId)
        {
            return;
        }

        var errors = new List<ValidationError>();
        CheckTime(at, errors);
        InputRules.ThrowIfAny(errors);
        EnterStage(stage, at, lostReason: null);
    }

    /// <summary>Wins the deal: moves it to the pipeline's <see cref="Pipeline.WonStage"/>.</summary>
    /// <param name="pipeline">The deal's pipeline.</param>
    /// <exception cref="DomainRuleException">
    /// <paramref name="pipeline"/> is not the deal's pipeline (rule <c>pipeline-mismatch</c>) or the deal is already won or
    /// lost (rule <c>deal-closed</c>).
    /// </exception>
    /// <exception cref="CrmValidationException">the current time is before the current stage was entered (field <c>At</c>, rule <c>time-order</c>).</exception>
    public void Win(Pipeline pipeline) =>
        Win(pipeline, Now());

    /// <summary>Wins the deal: moves it to the pipeline's <see cref="Pipeline.WonStage"/>.</summary>
    /// <param name="pipeline">The deal's pipeline.</param>
    /// <param name="at">When the deal was won; not before it entered its current stage.</param>
    /// <exception cref="DomainRuleException">
    /// <paramref name="pipeline"/> is not the deal's pipeline (rule <c>pipeline-mismatch</c>) or the deal is already won or
    /// lost (rule <c>deal-closed</c>).
    /// </exception>
    /// <exception cref="CrmValidationException"><paramref name="at"/> is before the current stage was entered (field <c>At</c>, rule <c>time-order</c>).</exception>
    internal void Win(Pipeline pipeline, Instant at)
    {
        EnsurePipeline(pipeline);
        EnsureOpen("be won");
        var errors = new List<ValidationError>();
        CheckTime(at, errors);
        InputRules.ThrowIfAny(errors);
        EnterStage(pipeline.WonStage, at, lostReason: null);
    }

    /// <summary>Loses the deal: moves it to the pipeline's <see cref="Pipeline.LostStage"/>.</summary>
    /// <param name="pipeline">The deal's pipeline.</param>
    /// <param name="reason">Why it was lost, or <see langword="null"/>; trimmed, at most <see cref="MaxLostReasonLength"/> characters.</param>
    /// <exception cref="DomainRuleException">
    /// <paramref name="pipeline"/> is not the deal's pipeline (rule <c>pipeline-mismatch</c>) or the deal is already won or
    /// lost (rule <c>deal-closed</c>).
    /// </exception>
    /// <exception cref="CrmValidationException">
    /// The reason is too long (field <c>Reason</c>, rule <c>max-length</c>) and/or the current time is before the current
    /// stage was entered (field <c>At</c>, rule <c>time-order</c>).
    /// </exception>
    public void Lose(Pipeline pipeline, string? reason) =>
        Lose(pipeline, reason, Now());

    /// <summary>Loses the deal: moves it to the pipeline's <see cref="Pipeline.LostStage"/>.</summary>
    /// <param name="pipeline">The deal's pipeline.</param>
    /// <param name="reason">Why it was lost, or <see langword="null"/>; trimmed, at most <see cref="MaxLostReasonLength"/> characters.</param>
    /// <param name="at">When the deal was lost; not before it entered its current stage.</param>
    /// <exception cref="DomainRuleException">
    /// <paramref name="pipeline"/> is not the deal's pipeline (rule <c>pipeline-mismatch</c>) or the deal is already won or
    /// lost (rule <c>deal-closed</c>).
    /// </exception>
    /// <exception cref="CrmValidationException">
    /// The reason is too long (field <c>Reason</c>, rule <c>max-length</c>) and/or <paramref name="at"/> is before the current
    /// stage was entered (field <c>At</c>, rule <c>time-order</c>).
    /// </exception>
    internal void Lose(Pipeline pipeline, string? reason, Instant at)
    {
        EnsurePipeline(pipeline);
        EnsureOpen("be lost");
        var errors = new List<ValidationError>();
        var trimmed = InputRules.Optional(reason, "Reason", MaxLostReasonLength, errors, out _, multiline: true);
        CheckTime(at, errors);
        InputRules.ThrowIfAny(errors);
        EnterStage(pipeline.LostStage, at, trimmed);
    }

    /// <summary>
    /// Reopens a won or lost deal: moves it back to an open stage, clears <see cref="ClosedAt"/> and <see cref="LostReason"/>.
    /// </summary>
    /// <param name="pipeline">The deal's pipeline.</param>
    /// <param name="stageId">
    /// The open stage to go back to; <see langword="null"/> for the last open stage the deal was in (or, if it never was in one,
    /// the pipeline's <see cref="Pipeline.FirstOpenStage"/>).
    /// </param>
    /// <exception cref="DomainRuleException">
    /// <paramref name="pipeline"/> is not the deal's pipeline (rule <c>pipeline-mismatch</c>), the stage is not in it
    /// (rule <c>stage-not-in-pipeline</c>) or is not open (rule <c>stage-not-open</c>), or the deal is open (rule <c>deal-not-closed</c>).
    /// </exception>
    /// <exception cref="CrmValidationException">the current time is before the deal was closed (field <c>At</c>, rule <c>time-order</c>).</exception>
    public void Reopen(Pipeline pipeline, StageId? stageId) =>
        Reopen(pipeline, stageId, Now());

    /// <summary>
    /// Reopens a won or lost deal: moves it back to an open stage, clears <see cref="ClosedAt"/> and <see cref="LostReason"/>.
    /// </summary>
    /// <param name="pipeline">The deal's pipeline.</param>
    /// <param name="stageId">
    /// The open stage to go back to; <see langword="null"/> for the last open stage the deal was in (or, if it never was in one,
    /// the pipeline's <see cref="Pipeline.FirstOpenStage"/>).
    /// </param>
    /// <param name="at">When the deal was reopened; not before it was closed.</param>
    /// <exception cref="DomainRuleException">
    /// <paramref name="pipeline"/> is not the deal's pipeline (rule <c>pipeline-mismatch</c>), the stage is not in it
    /// (rule <c>stage-not-in-pipeline</c>) or is not open (rule <c>stage-not-open</c>), or the deal is open (rule <c>deal-not-closed</c>).
    /// </exception>
    /// <exception cref="CrmValidationException"><paramref name="at"/> is before the deal was closed (field <c>At</c>, rule <c>time-order</c>).</exception>
    internal void Reopen(Pipeline pipeline, StageId? stageId, Instant at)
    {
        EnsurePipeline(pipeline);
        PipelineStage stage;
        if (stageId is { } given)
        {
            stage = pipeline.GetStage(given);
            if (stage.IsClosed)
            {
                throw new DomainRuleException("stage-not-open", $"A deal reopens into an open stage; stage '{stage.Name}' ({stage.Id}) is closed.");
            }
        }
        else
        {
            stage = _stageHistory
                .Select(e => e.StageId)
                .Where(pipeline.ContainsStage)
                .Select(pipeline.GetStage)
                .LastOrDefault(s => !s.IsClosed) ?? pipeline.FirstOpenStage;
        }

        if (!IsClosed)
        {
            throw new DomainRuleException("deal-not-closed", $"Deal '{Id}' is open; only a won or lost deal can be reopened.");
        }

        var errors = new List<ValidationError>();
        CheckTime(at, errors);
        InputRules.ThrowIfAny(errors);
        EnterStage(stage, at, lostReason: null);
        Raise(new DealReopened(Id, stage.Id));
    }

    /// <summary>Changes the amount (also of a closed deal, to correct it). The same amount does nothing.</summary>
    /// <param name="amount">The new amount; not negative. The currency may change.</param>
    /// <exception cref="CrmValidationException">The amount is negative (field <c>Amount</c>, rule <c>amount-not-negative</c>) or not a valid <see cref="Money"/>.</exception>
    public void ChangeAmount(Money amount)
    {
        var errors = new List<ValidationError>();
        PipelineRules.Amount(amount, "Amount", errors);
        InputRules.ThrowIfAny(errors);
        if (amount == Amount)
        {
            return;
        }

        var previous = Amount;
        Amount = amount;
        Raise(new DealAmountChanged(Id, previous, amount));
    }

    /// <summary>Changes or clears the expected close date. The same date does nothing.</summary>
    /// <param name="expectedCloseDate">The new date, or <see langword="null"/> when unknown.</param>
    /// <exception cref="CrmValidationException">The date is not of the ISO calendar (field <c>ExpectedCloseDate</c>, rule <c>iso-calendar</c>).</exception>
    public void ChangeExpectedCloseDate(LocalDate? expectedCloseDate)
    {
        if (expectedCloseDate is { } date)
        {
            var errors = new List<ValidationError>();
            InputRules.Date(date, "ExpectedCloseDate", errors);
            InputRules.ThrowIfAny(errors);
        }

        if (expectedCloseDate == ExpectedCloseDate)
        {
            return;
        }

        ExpectedCloseDate = expectedCloseDate;
        Raise(new DealExpectedCloseDateChanged(Id, expectedCloseDate));
    }

    /// <summary>Assigns the deal to an owner, or unassigns it. The same owner does nothing.</summary>
    /// <param name="ownerId">The id of the host's user; <see langword="null"/> or blank to unassign; trimmed, at most <see cref="MaxOwnerIdLength"/> characters.</param>
    /// <exception cref="CrmValidationException">The id is too long (field <c>OwnerId</c>, rule <c>max-length</c>).</exception>
    public void AssignOwner(string? ownerId)
    {
        var errors = new List<ValidationError>();
        var trimmed = InputRules.Optional(ownerId, "OwnerId", MaxOwnerIdLength, errors, out _);
        InputRules.ThrowIfAny(errors);
        if (string.Equals(trimmed, OwnerId, StringComparison.Ordinal))
        {
            return;
        }

        OwnerId = trimmed;
        Raise(new DealOwnerAssigned(Id, trimmed));
    }

    /// <summary>Renames the deal. The same name does nothing.</summary>
    /// <param name="name">The new name: required, at most <see cref="MaxNameLength"/> characters; trimmed.</param>
    /// <exception cref="CrmValidationException">The name is blank or too long (field <c>Name</c>).</exception>
    public void Rename(string name)
    {
        var errors = new List<ValidationError>();
        var trimmed = InputRules.Required(name, "Name", MaxNameLength, errors);
        InputRules.ThrowIfAny(errors);
        if (string.Equals(trimmed, Name, StringComparison.Ordinal))
        {
            return;
        }

        Name = trimmed!;
        Raise(new DealRenamed(Id));
    }

    /// <summary>Restores a stored deal as it was, without validation or events.</summary>
    internal static Deal Restore(
        DealId id,
        long version,
        CustomerId customerId,
        PipelineId pipelineId,
        string name,
        Money amount,
        LocalDate? expectedCloseDate,
        string? ownerId,
        StageId stageId,
        DealStatus status,
        IEnumerable<DealStageEntry> stageHistory,
        string? lostReason,
        Instant? closedAt,
        Instant createdAt,
        Instant updatedAt) =>
        new(id, customerId, pipelineId, name, amount, stageHistory)
        {
            Version = version,
            ExpectedCloseDate = expectedCloseDate,
            OwnerId = ownerId,
            StageId = stageId,
            Status = status,
            LostReason = lostReason,
            ClosedAt = closedAt,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };

    /// <summary>Records the time of the change being saved.</summary>
    internal void Touch(Instant now) => UpdatedAt = now;

    private void EnsurePipeline(Pipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (pipeline.Id != PipelineId)
        {
            throw new DomainRuleException("pipeline-mismatch", $"Deal '{Id}' moves through pipeline '{PipelineId}', not '{pipeline.Id}'.");
        }
    }

    private void EnsureOpen(string action)
    {
        if (IsClosed)
        {
            throw new DomainRuleException("deal-closed", $"Deal '{Id}' is {(Status == DealStatus.Won ? "won" : "lost")} and cannot {action}; reopen it first.");
        }
    }

    private void CheckTime(Instant at, List<ValidationError> errors)
    {
        var enteredAt = _stageHistory[^1].EnteredAt;
        if (at < enteredAt)
        {
            errors.Add(new ValidationError("At", "time-order", $"The change at {at} is before the deal entered its current stage at {enteredAt}."));
        }
    }

    private void EnterStage(PipelineStage stage, Instant at, string? lostReason)
    {
        var from = StageId;
        _stageHistory[^1] = _stageHistory[^1] with { LeftAt = at };
        _stageHistory.Add(new DealStageEntry(stage.Id, at, null));
        StageId = stage.Id;
        Status = stage.Outcome switch
        {
            StageOutcome.ClosedWon => DealStatus.Won,
            StageOutcome.ClosedLost => DealStatus.Lost,
            _ => DealStatus.Open,
        };
        ClosedAt = IsClosed ? at : null;
        LostReason = Status == DealStatus.Lost ? lostReason : null;
        Raise(new DealMovedToStage(Id, from, stage.Id));
        if (Status == DealStatus.Won)
        {
            Raise(new DealWon(Id, stage.Id, Amount));
        }
        else if (Status == DealStatus.Lost)
        {
            Raise(new DealLost(Id, stage.Id, lostReason));
        }
    }

    /// <summary>Moves the record to another customer (a merge re-points it to the survivor, its undo back); raises no event.</summary>
    internal void MoveToCustomer(CustomerId customerId) => CustomerId = customerId;
}
