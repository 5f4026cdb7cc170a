namespace Crm.Sdk.Pipelines;

/// <summary>
/// One stage of a <see cref="Pipeline"/>. Immutable: the pipeline replaces a stage when it is renamed or its
/// probability changes, so a stage read earlier keeps its values.
/// </summary>
public sealed class PipelineStage
{
    /// <summary>The most characters a stage name may have.</summary>
    public const int MaxNameLength = 100;

    internal PipelineStage(StageId id, string name, decimal probability, StageOutcome outcome)
    {
        Id = id;
        Name = name;
        Probability = probability;
        Outcome = outcome;
    }

    /// <summary>The stage id, unique across pipelines.</summary>
    public StageId Id { get; }

    /// <summary>The stage name, unique (ignoring case) within its pipeline.</summary>
    public string Name { get; }

    /// <summary>The chance, from 0 to 1, that a deal in this stage is won: 1 for a won stage, 0 for a lost stage.</summary>
    public decimal Probability { get; }

    /// <summary>What reaching the stage means for a deal.</summary>
    public StageOutcome Outcome { get; }

    /// <summary>Whether reaching the stage closes a deal (won or lost).</summary>
    public bool IsClosed => Outcome != StageOutcome.Open;

    internal PipelineStage WithName(string name) => new(Id, name, Probability, Outcome);

    internal PipelineStage WithProbability(decimal probability) => new(Id, Name, probability, Outcome);
}
