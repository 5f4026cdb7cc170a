using Crm.Sdk.Deals;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Storage;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace Crm.Sdk.Tests.Pipelines;

/// <summary>Properties that hold for any sequence of deal operations.</summary>
public sealed class DealOperationProperties : IDisposable
{
    private readonly CaseCounts _cases = new();

    /// <summary>The kinds of operation.</summary>
    public enum OpKind
    {
        Move,
        Win,
        Lose,
        Reopen,
        ChangeAmount,
    }

    /// <summary>One random operation: which, which candidate stage (-1: none), how many minutes after the previous one, which amount, whether the wrong pipeline is passed.</summary>
    public sealed record DealOp(OpKind Kind, int Stage, int MinutesLater, decimal Amount, bool WrongPipeline)
    {
        public override string ToString() => $"{Kind}(stage {Stage}, +{MinutesLater}m, {Amount}, wrong pipeline: {WrongPipeline})";
    }

    private static readonly Pipeline Sales = Samples.SalesPipeline();
    private static readonly Pipeline Other = Samples.SalesPipeline("Other");

    // The deal's own stages, two stages of another pipeline, and an id of no pipeline.
    private static readonly StageId[] Candidates =
        [.. Sales.Stages.Select(s => s.Id), Other.Stage("Qualified").Id, Other.WonStage.Id, StageId.New(Samples.T0)];

    private static readonly Gen<DealOp> OpGen =
        from kind in Gen.Frequency(
            (5, Gen.Constant(OpKind.Move)),
            (2, Gen.Constant(OpKind.Win)),
            (2, Gen.Constant(OpKind.Lose)),
            (3, Gen.Constant(OpKind.Reopen)),
            (2, Gen.Constant(OpKind.ChangeAmount)))
        from stage in Gen.Choose(-1, Candidates.Length - 1)
        from minutes in Gen.Choose(-30, 120)
        from cents in Gen.Choose(-100_000, 10_000_000)
        from wrongPipeline in Gen.Frequency((12, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new DealOp(kind, stage, minutes, cents / 100m, wrongPipeline);

    public void Dispose() => _cases.Verify();

    /// <summary>Any sequence of operations leaves a valid deal and rejected ones change nothing; every kind of operation is accepted somewhere, and some are rejected.</summary>
    [Property(Arbitrary = [typeof(Operations)])]
    public void Any_sequence_of_operations_leaves_a_valid_deal_and_rejected_ones_change_nothing(List<DealOp> ops)
    {
        _cases.Require("rejected", 1);
        foreach (var kind in Enum.GetValues<OpKind>())
        {
            _cases.Require($"accepted {kind}", 1);
        }

        var mapping = new DealMapping();
        var deal = Samples.NewDeal(Sales);
        var now = Samples.T0;
        foreach (var op in ops)
        {
            now += Duration.FromMinutes(op.MinutesLater);
            var before = mapping.Serialize(deal);
            var eventsBefore = deal.DomainEvents.Count;
            var wasClosed = deal.IsClosed;
            var accepted = true;
            try
            {
                Apply(deal, op, now);
            }
            catch (CrmException)
            {
                accepted = false;
                Assert.Equal(before, mapping.Serialize(deal));
                Assert.Equal(eventsBefore, deal.DomainEvents.Count);
            }

            _cases.Count(accepted ? $"accepted {op.Kind}" : "rejected");
            if (accepted && op.Kind is OpKind.Move or OpKind.Win or OpKind.Lose && before != mapping.Serialize(deal))
            {
                Assert.False(wasClosed, $"{op} changed a closed deal.");
            }

            if (accepted && op.Kind == OpKind.Reopen)
            {
                Assert.True(wasClosed, $"{op} reopened an open deal.");
            }

            AssertValid(deal);
        }
    }

    /// <summary>Lists of random operations.</summary>
    public static class Operations
    {
        public static Arbitrary<List<DealOp>> Lists() => Gen.ListOf(OpGen).ToArbitrary();
    }

    private static void Apply(Deal deal, DealOp op, Instant at)
    {
        var pipeline = op.WrongPipeline ? Other : Sales;
        StageId? stage = op.Stage < 0 ? null : Candidates[op.Stage];
        switch (op.Kind)
        {
            case OpKind.Move:
                deal.MoveTo(pipeline, stage ?? Candidates[0], at);
                break;
            case OpKind.Win:
                deal.Win(pipeline, at);
                break;
            case OpKind.Lose:
                deal.Lose(pipeline, op.Stage % 2 == 0 ? "lost" : null, at);
                break;
            case OpKind.Reopen:
                deal.Reopen(pipeline, stage, at);
                break;
            case OpKind.ChangeAmount:
                deal.ChangeAmount(Money.Of(op.Amount, "EUR"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(op));
        }
    }

    private static void AssertValid(Deal deal)
    {
        var stage = Sales.GetStage(deal.StageId);
        var expectedStatus = stage.Outcome switch
        {
            StageOutcome.ClosedWon => DealStatus.Won,
            StageOutcome.ClosedLost => DealStatus.Lost,
            _ => DealStatus.Open,
        };
        Assert.Equal(expectedStatus, deal.Status);
        Assert.Equal(deal.IsClosed, deal.ClosedAt is not null);
        Assert.True(deal.LostReason is null || deal.Status == DealStatus.Lost);

        var current = Assert.Single(deal.StageHistory, e => e.LeftAt is null);
        Assert.Same(deal.StageHistory[^1], current);
        Assert.Equal(deal.StageId, current.StageId);
        for (var i = 0; i < deal.StageHistory.Count; i++)
        {
            var entry = deal.StageHistory[i];
            Assert.True(Sales.ContainsStage(entry.StageId));
            if (entry.LeftAt is { } left)
            {
                Assert.True(entry.EnteredAt <= left);
                Assert.Equal(left, deal.StageHistory[i + 1].EnteredAt);
                Assert.NotEqual(entry.StageId, deal.StageHistory[i + 1].StageId);
            }
        }

        Assert.Equal(deal.CreatedAt, deal.StageHistory[0].EnteredAt);
        Assert.Equal(deal.ClosedAt ?? current.EnteredAt, current.EnteredAt);
        Assert.False(deal.Amount.IsNegative);
    }
}
