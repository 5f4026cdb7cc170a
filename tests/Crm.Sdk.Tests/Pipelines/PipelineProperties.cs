using Crm.Sdk.Pipelines;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Crm.Sdk.Tests.Pipelines;

/// <summary>Properties that hold for any pipeline draft.</summary>
public sealed class PipelineProperties
{
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
    private static readonly Gen<List<PipelineStageDraft>> DraftGen =
        from count in Gen.Choose(0, 8)
        from names in Gen.Shuffle(Names)
        from stages in Gen.ListOf(StageGen, count)
        select stages.Select((s, i) => new PipelineStageDraft { Name = names[i], Probability = s.Probability, Outcome = s.Outcome }).ToList();

    /// <summary>A draft is accepted exactly when it keeps every rule, and an accepted pipeline keeps them all.</summary>
    [Fact]
    public void Create_accepts_exactly_the_valid_drafts()
    {
        var accepted = 0;
        Prop.ForAll(Arb.From(DraftGen), (List<PipelineStageDraft> stages) =>
        {
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
                Assert.False(valid, ex.Message);
                Assert.NotEmpty(ex.Errors);
                return;
            }

            Assert.True(valid, string.Join(", ", stages));
            accepted++;
            Assert.Equal(stages.Select(s => (s.Name, s.Probability, s.Outcome)), pipeline.Stages.Select(s => (s.Name, s.Probability, s.Outcome)));
            Assert.Equal(pipeline.Stages.Select(s => s.Id.Value).Distinct().Order(), pipeline.Stages.Select(s => s.Id.Value));
            Assert.Equal(StageOutcome.Open, pipeline.FirstOpenStage.Outcome);
            Assert.Equal(1m, pipeline.WonStage.Probability);
            Assert.Equal(0m, pipeline.LostStage.Probability);
        }).QuickCheckThrowOnFailure();
        Assert.True(accepted > 0, "No generated draft was valid: the generator tests only rejections.");
    }
}
