using Crm.Sdk.Pipelines;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace Crm.Sdk.Tests.Pipelines;

/// <summary>Properties that hold for any pipeline draft.</summary>
public sealed class PipelineProperties : IDisposable
{
    private readonly CaseCounts _cases = new();

    private static readonly string[] Names = ["Lead", "lead", "Demo", "Proposal", "Won", "Lost", " ", "Trial", "Lost - price", "Signed"];

    private static readonly Gen<(decimal Probability, StageOutcome Outcome)> StageGen =
        from outcome in Gen.Frequency(
            (3, Gen.Constant(StageOutcome.Open)),
            (1, Gen.Constant(StageOutcome.ClosedWon)),
            (1, Gen.Constant(StageOutcome.ClosedLost)))
        from usual in Gen.Frequency((8, Gen.Constant(true)), (1, Gen.Constant(false)))
        from odd in Gen.Elements(-0.5m, 0m, 0.25m, 1m, 1.5m)
        let fitting = outcome switch { StageOutcome.ClosedWon => 1m, StageOutcome.ClosedLost => 0m, _ => 0.4m }
        select (usual ? fitting : odd, outcome);

    // Up to eight stages with names drawn without replacement (the pool holds a case-insensitive duplicate and a blank).
    // Half of the lists start with one stage of each outcome, so that valid drafts are common enough to be seen often
    // (a list of random stages rarely holds all three outcomes with fitting probabilities).
    private static readonly Gen<List<PipelineStageDraft>> DraftGen =
        from complete in Gen.Elements(false, true)
        from count in Gen.Choose(0, complete ? 5 : 8)
        from names in Gen.Shuffle(Names)
        from random in Gen.ListOf(StageGen, count)
        let stages = complete ? [(0.4m, StageOutcome.Open), (1m, StageOutcome.ClosedWon), (0m, StageOutcome.ClosedLost), .. random] : random
        select stages.Select((s, i) => new PipelineStageDraft { Name = names[i], Probability = s.Probability, Outcome = s.Outcome }).ToList();

    public void Dispose() => _cases.Verify();

    /// <summary>A draft is accepted exactly when it keeps every rule, and an accepted pipeline keeps them all; both outcomes are seen.</summary>
    [Property(Arbitrary = [typeof(Drafts)], MaxTest = 300)]
    public void Create_accepts_exactly_the_valid_drafts(List<PipelineStageDraft> stages)
    {
        _cases.Require("accepted", 10).Require("rejected", 10);
        var valid =
            stages.All(s => !string.IsNullOrWhiteSpace(s.Name) && s.Probability is >= 0m and <= 1m)
            && stages.Where(s => s.Outcome == StageOutcome.ClosedWon).All(s => s.Probability == 1m)
            && stages.Where(s => s.Outcome == StageOutcome.ClosedLost).All(s => s.Probability == 0m)
            && stages.Select(s => s.Name.Trim().ToUpperInvariant()).Distinct().Count() == stages.Count
            && stages.Any(s => s.Outcome == StageOutcome.Open)
            && stages.Any(s => s.Outcome == StageOutcome.ClosedWon)
            && stages.Any(s => s.Outcome == StageOutcome.ClosedLost);

        Pipeline pipeline;
        try
        {
            pipeline = Pipeline.Create(new PipelineDraft { Name = "Sales", Stages = stages }, PipelineId.New(Samples.T0), Samples.T0);
        }
        catch (CrmValidationException ex)
        {
            _cases.Count(accepted: false);
            Assert.False(valid, ex.Message);
            Assert.NotEmpty(ex.Errors);
            return;
        }

        _cases.Count(accepted: true);
        Assert.True(valid, string.Join(", ", stages));
        Assert.Equal(stages.Select(s => (s.Name, s.Probability, s.Outcome)), pipeline.Stages.Select(s => (s.Name, s.Probability, s.Outcome)));
        Assert.Equal(pipeline.Stages.Select(s => s.Id.Value).Distinct().Order(), pipeline.Stages.Select(s => s.Id.Value));
        Assert.Equal(StageOutcome.Open, pipeline.FirstOpenStage.Outcome);
        Assert.Equal(1m, pipeline.WonStage.Probability);
        Assert.Equal(0m, pipeline.LostStage.Probability);
    }

    /// <summary>Stage lists of up to eight drafts.</summary>
    public static class Drafts
    {
        public static Arbitrary<List<PipelineStageDraft>> Stages() => DraftGen.ToArbitrary();
    }
}
