using Crm.Sdk.Domain;
using Crm.Sdk.Pipelines.Events;
using NodaTime;

namespace Crm.Sdk.Pipelines;

/// <summary>
/// A sales pipeline: an ordered list of stages that deals move through, each with a win probability, ending in
/// closed-won and closed-lost stages. A pipeline always has at least one open, one closed-won and one closed-lost
/// stage; stage names are unique ignoring case (compared by their case-folded key, Unicode NFKC_Casefold, the same
/// on every host); a closed-won stage has probability 1 and a closed-lost stage 0
/// (these are checked, not silently corrected). Stages are never removed and never change outcome, so a deal's
/// status always agrees with its stage.
/// </summary>
public sealed class Pipeline : AggregateRoot<Pipeline>
{
    /// <summary>The most characters a pipeline name may have.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The most stages a pipeline may have.</summary>
    public const int MaxStages = 50;

    private readonly List<PipelineStage> _stages;

    private Pipeline(PipelineId id, string name, IEnumerable<PipelineStage> stages, Instant createdAt, Instant updatedAt)
        : base(id)
    {
        Name = name;
        _stages = [.. stages];
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    /// <summary>The pipeline name.</summary>
    public string Name { get; private set; }

    /// <summary>The stages in the order deals go through them.</summary>
    public IReadOnlyList<PipelineStage> Stages => _stages;

    /// <summary>When the pipeline was created.</summary>
    public Instant CreatedAt { get; }

    /// <summary>When the pipeline was last saved with a change.</summary>
    public Instant UpdatedAt { get; private set; }

    /// <summary>The first <see cref="StageOutcome.Open"/> stage: where new deals start by default.</summary>
    public PipelineStage FirstOpenStage => FirstOf(StageOutcome.Open);

    /// <summary>The first <see cref="StageOutcome.ClosedWon"/> stage: where <see cref="Deals.Deal.Win(Pipeline)"/> moves a deal.</summary>
    public PipelineStage WonStage => FirstOf(StageOutcome.ClosedWon);

    /// <summary>The first <see cref="StageOutcome.ClosedLost"/> stage: where <see cref="Deals.Deal.Lose(Pipeline, string?)"/> moves a deal.</summary>
    public PipelineStage LostStage => FirstOf(StageOutcome.ClosedLost);

    /// <summary>
    /// Creates a pipeline. Every stage gets a new id; the ids are distinct and ordered like the stages.
    /// </summary>
    /// <param name="draft">The name and stages.</param>
    /// <param name="id">The id of the new pipeline.</param>
    /// <param name="now">The current time: the creation time and the time that orders the stage ids.</param>
    /// <returns>The new pipeline, with a <see cref="PipelineCreated"/> event.</returns>
    /// <exception cref="CrmValidationException">
    /// The draft breaks one or more rules; every broken rule is listed (fields <c>Name</c>, <c>Stages</c>,
    /// <c>Stages[i].Name</c>, <c>Stages[i].Probability</c>, <c>Stages[i].Outcome</c>).
    /// </exception>
    internal static Pipeline Create(PipelineDraft draft, PipelineId id, Instant now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<ValidationError>();
        if (id.Value == Guid.Empty)
        {
            errors.Add(new ValidationError("Id", "required", "The pipeline id must not be empty."));
        }

        var name = InputRules.Required(draft.Name, "Name", MaxNameLength, errors);
        var stageDrafts = draft.Stages ?? [];
        var stageNames = new List<string>();
        for (var i = 0; i < stageDrafts.Count; i++)
        {
            var stage = stageDrafts[i];
            var field = $"Stages[{i}]";
            if (stage is null)
            {
                errors.Add(new ValidationError(field, "required", $"{field} is missing."));
                continue;
            }

            var stageName = ValidateStage(stage, field, stageNames, errors);
            if (stageName is not null)
            {
                stageNames.Add(stageName);
            }
        }

        if (stageDrafts.Count > MaxStages)
        {
            errors.Add(new ValidationError("Stages", "max-stages", $"A pipeline has at most {MaxStages} stages; the draft has {stageDrafts.Count}."));
        }

        var outcomes = stageDrafts.Where(s => s is not null).Select(s => s.Outcome).ToList();
        RequireOutcome(outcomes, StageOutcome.Open, "open-stage-required", "an open stage", errors);
        RequireOutcome(outcomes, StageOutcome.ClosedWon, "won-stage-required", "a closed-won stage", errors);
        RequireOutcome(outcomes, StageOutcome.ClosedLost, "lost-stage-required", "a closed-lost stage", errors);
        InputRules.ThrowIfAny(errors);

        var ids = NewStageIds(stageDrafts.Count, now);
        var stages = stageDrafts.Select((s, i) => new PipelineStage(ids[i], s.Name.Trim(), s.Probability, s.Outcome));
        var pipeline = new Pipeline(id, name!, stages, now, now);
        pipeline.Raise(new PipelineCreated(id, pipeline.Name));
        return pipeline;
    }

    /// <summary>Renames the pipeline. Renaming to the same name does nothing.</summary>
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
        Raise(new PipelineRenamed(Id, Name));
    }

    /// <summary>Adds a stage.</summary>
    /// <param name="draft">The stage: its name must not be used by another stage of this pipeline, ignoring case.</param>
    /// <param name="position">The zero-based position to insert at (0 to the number of stages); <see langword="null"/> to append.</param>
    /// <returns>The new stage.</returns>
    /// <exception cref="CrmValidationException">
    /// The stage breaks one or more rules (fields <c>Name</c>, <c>Probability</c>, <c>Outcome</c>), the position is out of
    /// range (field <c>Position</c>, rule <c>position-range</c>) or the pipeline is full (field <c>Stages</c>, rule <c>max-stages</c>).
    /// </exception>
    public PipelineStage AddStage(PipelineStageDraft draft, int? position = null) =>
        AddStage(draft, Now(), position);

    /// <summary>Adds a stage.</summary>
    /// <param name="draft">The stage: its name must not be used by another stage of this pipeline, ignoring case.</param>
    /// <param name="now">The current time, which orders the new stage id.</param>
    /// <param name="position">The zero-based position to insert at (0 to the number of stages); <see langword="null"/> to append.</param>
    /// <returns>The new stage.</returns>
    /// <exception cref="CrmValidationException">
    /// The stage breaks one or more rules (fields <c>Name</c>, <c>Probability</c>, <c>Outcome</c>), the position is out of
    /// range (field <c>Position</c>, rule <c>position-range</c>) or the pipeline is full (field <c>Stages</c>, rule <c>max-stages</c>).
    /// </exception>
    internal PipelineStage AddStage(PipelineStageDraft draft, Instant now, int? position = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<ValidationError>();
        var name = ValidateStage(draft, null, _stages.Select(s => s.Name), errors);
        if (position is { } p && (p < 0 || p > _stages.Count))
        {
            errors.Add(new ValidationError("Position", "position-range", $"The position {p} must be from 0 to {_stages.Count}."));
        }

        if (_stages.Count >= MaxStages)
        {
            errors.Add(new ValidationError("Stages", "max-stages", $"A pipeline has at most {MaxStages} stages."));
        }

        InputRules.ThrowIfAny(errors);

        var id = StageId.New(now);
        while (_stages.Exists(s => s.Id == id))
        {
            id = StageId.New(now);
        }

        var stage = new PipelineStage(id, name!, draft.Probability, draft.Outcome);
        var index = position ?? _stages.Count;
        _stages.Insert(index, stage);
        Raise(new PipelineStageAdded(Id, stage.Id, stage.Name, index));
        return stage;
    }

    /// <summary>Renames a stage. Renaming to the same name does nothing; changing only its case is allowed.</summary>
    /// <param name="stageId">The stage.</param>
    /// <param name="name">The new name: required, at most <see cref="PipelineStage.MaxNameLength"/> characters, unique ignoring case.</param>
    /// <exception cref="DomainRuleException">The stage is not in this pipeline (rule <c>stage-not-in-pipeline</c>).</exception>
    /// <exception cref="CrmValidationException">The name is blank, too long or used by another stage (field <c>Name</c>).</exception>
    public void RenameStage(StageId stageId, string name)
    {
        var index = IndexOf(stageId);
        var errors = new List<ValidationError>();
        var trimmed = InputRules.Required(name, "Name", PipelineStage.MaxNameLength, errors);
        if (trimmed is not null)
        {
            CheckUnique(trimmed, _stages.Where(s => s.Id != stageId).Select(s => s.Name), "Name", errors);
        }

        InputRules.ThrowIfAny(errors);
        if (string.Equals(trimmed, _stages[index].Name, StringComparison.Ordinal))
        {
            return;
        }

        _stages[index] = _stages[index].WithName(trimmed!);
        Raise(new PipelineStageRenamed(Id, stageId, trimmed!));
    }

    /// <summary>Changes the win probability of a stage. The same probability does nothing.</summary>
    /// <param name="stageId">The stage.</param>
    /// <param name="probability">From 0 to 1; a closed-won stage keeps 1 and a closed-lost stage keeps 0.</param>
    /// <exception cref="DomainRuleException">The stage is not in this pipeline (rule <c>stage-not-in-pipeline</c>).</exception>
    /// <exception cref="CrmValidationException">
    /// The probability is out of range (rule <c>probability-range</c>) or the stage is closed and the probability is not its fixed
    /// value (rule <c>closed-stage-probability</c>); field <c>Probability</c>.
    /// </exception>
    public void ChangeStageProbability(StageId stageId, decimal probability)
    {
        var index = IndexOf(stageId);
        var errors = new List<ValidationError>();
        PipelineRules.Probability(probability, _stages[index].Outcome, "Probability", errors);
        InputRules.ThrowIfAny(errors);
        if (_stages[index].Probability == probability)
        {
            return;
        }

        _stages[index] = _stages[index].WithProbability(probability);
        Raise(new PipelineStageProbabilityChanged(Id, stageId, probability));
    }

    /// <summary>Finds a stage of this pipeline.</summary>
    /// <param name="stageId">The stage id.</param>
    /// <returns>The stage.</returns>
    /// <exception cref="DomainRuleException">The stage is not in this pipeline (rule <c>stage-not-in-pipeline</c>); the message names both ids.</exception>
    public PipelineStage GetStage(StageId stageId) => _stages[IndexOf(stageId)];

    /// <summary>Finds a stage by name (trimmed, case-insensitive), or <see langword="null"/> when the pipeline has none of that name.</summary>
    /// <param name="name">The stage name, for example <c>Proposal</c>.</param>
    /// <returns>The stage, or <see langword="null"/>.</returns>
    public PipelineStage? FindStage(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = TextKey.Of(name);
        return _stages.Find(s => string.Equals(TextKey.Of(s.Name), key, StringComparison.Ordinal));
    }

    /// <summary>Whether a stage belongs to this pipeline.</summary>
    /// <param name="stageId">The stage id.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool ContainsStage(StageId stageId) => _stages.Exists(s => s.Id == stageId);

    /// <summary>Restores a stored pipeline as it was, without validation or events.</summary>
    internal static Pipeline Restore(PipelineId id, long version, string name, IEnumerable<PipelineStage> stages, Instant createdAt, Instant updatedAt) =>
        new(id, name, stages, createdAt, updatedAt) { Version = version };

    /// <summary>Records the time of the change being saved.</summary>
    internal void Touch(Instant now) => UpdatedAt = now;

    private static string? ValidateStage(PipelineStageDraft draft, string? fieldPrefix, IEnumerable<string> otherNames, List<ValidationError> errors)
    {
        string Field(string name) => fieldPrefix is null ? name : $"{fieldPrefix}.{name}";
        var name = InputRules.Required(draft.Name, Field("Name"), PipelineStage.MaxNameLength, errors);
        if (name is not null)
        {
            CheckUnique(name, otherNames, Field("Name"), errors);
        }

        InputRules.Defined(draft.Outcome, Field("Outcome"), errors);

        PipelineRules.Probability(draft.Probability, draft.Outcome, Field("Probability"), errors);
        return name;
    }

    private static void CheckUnique(string name, IEnumerable<string> otherNames, string field, List<ValidationError> errors)
    {
        if (otherNames.Any(other => TextKey.Equal(other, name)))
        {
            errors.Add(new ValidationError(field, "stage-name-unique", $"The pipeline already has a stage named '{name}' (names are compared ignoring case)."));
        }
    }

    private static void RequireOutcome(List<StageOutcome> outcomes, StageOutcome outcome, string rule, string what, List<ValidationError> errors)
    {
        if (!outcomes.Contains(outcome))
        {
            errors.Add(new ValidationError("Stages", rule, $"A pipeline needs at least {what}."));
        }
    }

    private static StageId[] NewStageIds(int count, Instant now)
    {
        var ids = new SortedSet<Guid>();
        while (ids.Count < count)
        {
            ids.Add(StageId.New(now).Value);
        }

        return [.. ids.Select(g => new StageId(g))];
    }

    private int IndexOf(StageId stageId)
    {
        var index = _stages.FindIndex(s => s.Id == stageId);
        return index >= 0
            ? index
            : throw new DomainRuleException("stage-not-in-pipeline", $"Stage '{stageId}' is not a stage of pipeline '{Id}'.");
    }

    private PipelineStage FirstOf(StageOutcome outcome) => _stages.First(s => s.Outcome == outcome);
}
