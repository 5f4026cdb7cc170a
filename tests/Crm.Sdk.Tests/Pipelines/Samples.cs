using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Pipelines;
using NodaTime;

namespace Crm.Sdk.Tests.Pipelines;

internal static class Samples
{
    public static readonly Instant T0 = Instant.FromUtc(2025, 3, 1, 9, 0);

    public static PipelineDraft SalesDraft(string name = "Sales") => new()
    {
        Name = name,
        Stages =
        [
            new PipelineStageDraft { Name = "Lead", Probability = 0.1m },
            new PipelineStageDraft { Name = "Qualified", Probability = 0.3m },
            new PipelineStageDraft { Name = "Proposal", Probability = 0.6m },
            new PipelineStageDraft { Name = "Won", Probability = 1m, Outcome = StageOutcome.ClosedWon },
            new PipelineStageDraft { Name = "Lost", Probability = 0m, Outcome = StageOutcome.ClosedLost },
            new PipelineStageDraft { Name = "Lost - no decision", Probability = 0m, Outcome = StageOutcome.ClosedLost },
        ],
    };

    public static Pipeline SalesPipeline(string name = "Sales") =>
        Pipeline.Create(SalesDraft(name), PipelineId.New(T0), T0);

    public static DealDraft DealDraft(Pipeline pipeline) =>
        new() { CustomerId = CustomerId.New(T0), PipelineId = pipeline.Id, Name = "ACME roll-out", Amount = Money.Of(12_500m, "EUR") };

    public static Deal NewDeal(Pipeline pipeline, Instant? at = null) =>
        Deal.Create(DealDraft(pipeline), pipeline, DealId.New(at ?? T0), at ?? T0);

    public static PipelineStage Stage(this Pipeline pipeline, string name) =>
        pipeline.Stages.Single(s => s.Name == name);

    public static Instant Minutes(int minutes) => T0 + Duration.FromMinutes(minutes);
}
