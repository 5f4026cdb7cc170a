using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Pipelines;
using NodaTime;

namespace Crm.Sdk.Tests.Pipelines;

internal static class Samples
{
    public static readonly Instant T0 = Instant.FromUtc(2025, 3, 1, 9, 0);

    public static PipelineDraft SalesDraft(string name = "Sales") => new(
        name,
        [
            new PipelineStageDraft("Lead", 0.1m),
            new PipelineStageDraft("Qualified", 0.3m),
            new PipelineStageDraft("Proposal", 0.6m),
            new PipelineStageDraft("Won", 1m, StageOutcome.ClosedWon),
            new PipelineStageDraft("Lost", 0m, StageOutcome.ClosedLost),
            new PipelineStageDraft("Lost - no decision", 0m, StageOutcome.ClosedLost),
        ]);

    public static Pipeline SalesPipeline(string name = "Sales") =>
        Pipeline.Create(SalesDraft(name), PipelineId.New(T0), T0);

    public static DealDraft DealDraft(Pipeline pipeline) =>
        new(CustomerId.New(T0), pipeline.Id, "ACME roll-out", Money.Of(12_500m, "EUR"));

    public static Deal NewDeal(Pipeline pipeline, Instant? at = null) =>
        Deal.Create(DealDraft(pipeline), pipeline, DealId.New(at ?? T0), at ?? T0);

    public static PipelineStage Stage(this Pipeline pipeline, string name) =>
        pipeline.Stages.Single(s => s.Name == name);

    public static Instant Minutes(int minutes) => T0 + Duration.FromMinutes(minutes);
}
