using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Specification.Tests.Storage;
using Crm.Sdk.Testing;
using NodaTime;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>Pipelines and deals through <see cref="ICrm.Pipelines"/> and <see cref="ICrm.Deals"/> over a real database.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class DealConformanceTests<TFixture>(TFixture fixture) : CrmConformanceTestBase<TFixture>(fixture)
    where TFixture : StoreFixture
{
    /// <summary>A pipeline with its stages, changed through its methods, reads back the same after a restart.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Pipeline_with_stages_reads_back_the_same_after_reopening()
    {
        var created = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline("Enterprise"));
        var pipeline = await Crm.Pipelines.GetAsync(created.Id);
        pipeline.AddStage(new PipelineStageDraft { Name = "Negotiation", Probability = 0.8m }, position: 2);
        pipeline.RenameStage(pipeline.Stages[0].Id, "Discovery");
        pipeline.ChangeStageProbability(pipeline.Stages[1].Id, 0.55m);
        await Crm.Pipelines.UpdateAsync(pipeline);
        Assert.Equal(2, pipeline.Version);

        var reopened = await ReopenAsync();
        var read = await reopened.Pipelines.GetAsync(created.Id);

        AssertSamePipeline(pipeline, read);
        Assert.Equal(["Discovery", "Proposal", "Negotiation", "Won", "Lost"], read.Stages.Select(s => s.Name));
        Assert.True(read.UpdatedAt > read.CreatedAt, "Saving a changed pipeline records when it was changed.");
        Assert.Equal(created.Id, (await reopened.Pipelines.FindByNameAsync("  enterprise "))?.Id);
        Assert.Null(await reopened.Pipelines.FindByNameAsync("Retail"));
        Assert.Equal(created.Id, Assert.Single((await reopened.Pipelines.ListAsync(PipelineFilter.All, PageRequest.First)).Items).Id);
    }

    /// <summary>A deal moved, lost, reopened and won keeps every field and its whole stage history across a restart.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Deal_with_history_reads_back_the_same_after_reopening()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Buyer"));
        var pipeline = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
        var (qualification, proposal) = (pipeline.Stages[0].Id, pipeline.Stages[1].Id);
        var created = await Crm.Deals.CreateAsync(TestDrafts.Deal(customer.Id, pipeline, 12_500.25m, "USD", "Analytical engine") with
        {
            ExpectedCloseDate = new LocalDate(2025, 6, 30),
            OwnerId = "rep-3",
            InitialStageId = proposal,
        });
        Assert.Equal(proposal, created.StageId);

        await Crm.Deals.MoveToStageAsync(created.Id, qualification);
        await Crm.Deals.MoveToStageAsync(created.Id, proposal);
        var lost = await Crm.Deals.LoseAsync(created.Id, "Budget frozen");
        Assert.Equal(DealStatus.Lost, lost.Status);
        Assert.Equal("Budget frozen", lost.LostReason);
        var reopened = await Crm.Deals.ReopenAsync(created.Id);
        Assert.Equal(proposal, reopened.StageId);
        var deal = await Crm.Deals.GetAsync(created.Id);
        deal.ChangeAmount(Money.Of(13_000m, "USD"));
        deal.Rename("Analytical engine, phase 1");
        deal.ChangeExpectedCloseDate(new LocalDate(2025, 7, 31));
        deal.AssignOwner("rep-4");
        await Crm.Deals.UpdateAsync(deal);
        var won = await Crm.Deals.WinAsync(created.Id);

        var read = await (await ReopenAsync()).Deals.GetAsync(created.Id);

        AssertSameDeal(won, read);
        Assert.Equal(DealStatus.Won, read.Status);
        Assert.Equal(pipeline.WonStage.Id, read.StageId);
        Assert.Equal([proposal, qualification, proposal, pipeline.LostStage.Id, proposal, pipeline.WonStage.Id], read.StageHistory.Select(e => e.StageId));
        Assert.All(read.StageHistory.SkipLast(1), e => Assert.NotNull(e.LeftAt));
        Assert.True(read.StageHistory[^1].IsCurrent);
        Assert.NotNull(read.ClosedAt);
        Assert.Equal(Money.Of(13_000m, "USD"), read.Amount);
        Assert.Equal(7, read.Version);
    }

    /// <summary>A won deal cannot move to another stage; the stored deal stays as it was.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Closed_deal_cannot_move_and_the_stored_deal_is_unchanged()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Buyer"));
        var pipeline = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
        var deal = await Crm.Deals.CreateAsync(TestDrafts.Deal(customer.Id, pipeline));
        var won = await Crm.Deals.WinAsync(deal.Id);

        await Assert.ThrowsAsync<DomainRuleException>(() => Crm.Deals.MoveToStageAsync(deal.Id, pipeline.Stages[1].Id));
        await Assert.ThrowsAsync<DomainRuleException>(() => Crm.Deals.WinAsync(deal.Id));
        await Assert.ThrowsAsync<DomainRuleException>(() => Crm.Deals.LoseAsync(deal.Id, "late"));

        AssertSameDeal(won, await Crm.Deals.GetAsync(deal.Id));
        var open = await Crm.Deals.CreateAsync(TestDrafts.Deal(customer.Id, pipeline));
        await Assert.ThrowsAsync<DomainRuleException>(() => Crm.Deals.ReopenAsync(open.Id));
        AssertSameDeal(open, await Crm.Deals.GetAsync(open.Id));
    }

    /// <summary>A deal needs an existing pipeline and customer; nothing is written otherwise.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Deal_of_unknown_pipeline_or_customer_is_not_found()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Buyer"));
        var pipeline = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
        var unknownCustomer = new CustomerId(Guid.CreateVersion7());

        await Assert.ThrowsAsync<EntityNotFoundException>(() =>
            Crm.Deals.CreateAsync(TestDrafts.Deal(customer.Id, pipeline) with { PipelineId = new PipelineId(Guid.CreateVersion7()) }));
        var ex = await Assert.ThrowsAsync<EntityNotFoundException>(() => Crm.Deals.CreateAsync(TestDrafts.Deal(unknownCustomer, pipeline)));
        Assert.Equal(unknownCustomer.ToString(), ex.Id);

        Assert.Empty((await Crm.Deals.ListAsync(new DealFilter { PipelineId = pipeline.Id }, PageRequest.First)).Items);
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Crm.Deals.GetAsync(new DealId(Guid.CreateVersion7())));
    }

    /// <summary>Deals list by pipeline, by stage and by customer, newest first, each once across pages.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Deals_list_by_pipeline_stage_and_customer_newest_first()
    {
        var alice = await Crm.Customers.CreateAsync(TestDrafts.Customer("Alice"));
        var bob = await Crm.Customers.CreateAsync(TestDrafts.Customer("Bob"));
        var sales = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline("Sales"));
        var renewals = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline("Renewals"));
        var uow = Crm.BeginUnitOfWork();
        var deals = new List<Deal>();
        for (var i = 0; i < 23; i++)
        {
            var pipeline = i % 3 == 0 ? renewals : sales;
            var draft = TestDrafts.Deal(i % 2 == 0 ? alice.Id : bob.Id, pipeline, 100m + i, name: $"Deal {i}") with { InitialStageId = pipeline.Stages[i % 2].Id };
            deals.Add(await uow.CreateDealAsync(draft));
        }

        await uow.CommitAsync();

        async Task AssertListed(IEnumerable<Deal> expected, Func<PageRequest, Task<Page<Deal>>> fetch)
        {
            var listed = (await AllPagesAsync(4, fetch)).SelectMany(p => p.Items).Select(d => d.Id).ToList();
            Assert.Equal(expected.Reverse().Select(d => d.Id), listed);
        }

        await AssertListed(deals.Where(d => d.PipelineId == sales.Id), page => Crm.Deals.ListAsync(new DealFilter { PipelineId = sales.Id }, page));
        await AssertListed(deals.Where(d => d.PipelineId == renewals.Id), page => Crm.Deals.ListAsync(new DealFilter { PipelineId = renewals.Id }, page));
        await AssertListed(deals.Where(d => d.StageId == sales.Stages[1].Id), page => Crm.Deals.ListAsync(new DealFilter { PipelineId = sales.Id, StageId = sales.Stages[1].Id }, page));
        await AssertListed(deals.Where(d => d.CustomerId == bob.Id), page => Crm.Deals.ListAsync(new DealFilter { CustomerId = bob.Id }, page));
        Assert.Empty((await Crm.Deals.ListAsync(new DealFilter { PipelineId = sales.Id, StageId = sales.WonStage.Id }, PageRequest.First)).Items);
    }

    /// <summary>The pipeline summary and forecast over 30 deals in two currencies match what the test computes from what it wrote.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Pipeline_summary_counts_amounts_and_forecast_match_the_deals_written()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Buyer"));
        var pipeline = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
        var other = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline("Other"));
        await Crm.Deals.CreateAsync(TestDrafts.Deal(customer.Id, other, 999_999m));
        var uow = Crm.BeginUnitOfWork();
        var created = new List<Deal>();
        for (var i = 0; i < 30; i++)
        {
            var currency = i % 3 == 0 ? "USD" : "EUR";
            created.Add(await uow.CreateDealAsync(TestDrafts.Deal(customer.Id, pipeline, 100.05m + (i * 12.5m), currency) with { InitialStageId = pipeline.Stages[i % 2].Id }));
        }

        await uow.CommitAsync();
        for (var i = 0; i < 30; i += 4)
        {
            await Crm.Deals.WinAsync(created[i].Id);
            if (i + 1 < 30)
            {
                await Crm.Deals.LoseAsync(created[i + 1].Id);
            }
        }

        var stored = new List<Deal>();
        foreach (var deal in created)
        {
            stored.Add(await Crm.Deals.GetAsync(deal.Id));
        }

        var summary = await Crm.Pipelines.GetSummaryAsync(pipeline.Id);

        Assert.Equal(pipeline.Stages.Select(s => s.Id), summary.Stages.Select(s => s.Stage.Id));
        foreach (var row in summary.Stages)
        {
            var inStage = stored.Where(d => d.StageId == row.Stage.Id).ToList();
            Assert.Equal(inStage.Count, row.DealCount);
            Assert.Equal(Totals(inStage, 1m), row.Amount);
            Assert.Equal(Totals(inStage, row.Stage.Probability), row.WeightedAmount);
        }

        var forecast = stored
            .Where(d => !d.IsClosed)
            .GroupBy(d => d.Amount.Currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MoneyTotal(g.Sum(d => d.Amount.Amount * pipeline.GetStage(d.StageId).Probability), g.Key));
        Assert.Equal(forecast, summary.OpenWeightedAmount);
        Assert.Equal(2, summary.OpenWeightedAmount.Count);
        Assert.Equal(30, summary.Stages.Sum(s => s.DealCount));
    }

    /// <summary>
    /// The pipeline summary of deals whose amounts are each valid but whose totals are beyond the range of one amount:
    /// two deals of 60,000,000,000,000 GBP in the first stage, ten of the largest amount (99,999,999,999,999.9999 GBP)
    /// in the second. Stage totals, weighted totals and the forecast are exact.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Pipeline_summary_totals_beyond_the_range_of_one_amount_are_exact()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Big buyer"));
        var pipeline = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
        var uow = Crm.BeginUnitOfWork();
        for (var i = 0; i < 2; i++)
        {
            await uow.CreateDealAsync(TestDrafts.Deal(customer.Id, pipeline, 60_000_000_000_000m, "GBP"));
        }

        for (var i = 0; i < 10; i++)
        {
            await uow.CreateDealAsync(TestDrafts.Deal(customer.Id, pipeline, 99_999_999_999_999.9999m, "GBP") with { InitialStageId = pipeline.Stages[1].Id });
        }

        await uow.CommitAsync();

        var summary = await Crm.Pipelines.GetSummaryAsync(pipeline.Id);

        // Probabilities 0.2 and 0.6: 24,000,000,000,000 and 599,999,999,999,999.9994 weighted.
        Assert.Equal([2L, 10L, 0L, 0L], summary.Stages.Select(s => s.DealCount));
        Assert.Equal([new MoneyTotal(120_000_000_000_000m, "GBP")], summary.Stages[0].Amount);
        Assert.Equal([new MoneyTotal(24_000_000_000_000m, "GBP")], summary.Stages[0].WeightedAmount);
        Assert.Equal([new MoneyTotal(999_999_999_999_999.999m, "GBP")], summary.Stages[1].Amount);
        Assert.Equal([new MoneyTotal(599_999_999_999_999.9994m, "GBP")], summary.Stages[1].WeightedAmount);
        Assert.Empty(summary.Stages[2].Amount);
        Assert.Equal([new MoneyTotal(623_999_999_999_999.9994m, "GBP")], summary.OpenWeightedAmount);

        var customerSummary = await Crm.Customers.GetSummaryAsync(customer.Id);
        Assert.Equal([new MoneyTotal(1_119_999_999_999_999.999m, "GBP")], customerSummary.OpenDealAmount);
    }

    /// <summary>Compares every public property of two pipelines.</summary>
    /// <param name="expected">The pipeline as the caller had it.</param>
    /// <param name="actual">The pipeline as read back.</param>
    protected static void AssertSamePipeline(Pipeline expected, Pipeline actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Stages.Select(s => (s.Id, s.Name, s.Probability, s.Outcome)), actual.Stages.Select(s => (s.Id, s.Name, s.Probability, s.Outcome)));
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
    }

    /// <summary>Compares every public property of two deals.</summary>
    /// <param name="expected">The deal as the caller had it.</param>
    /// <param name="actual">The deal as read back.</param>
    protected static void AssertSameDeal(Deal expected, Deal actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.CustomerId, actual.CustomerId);
        Assert.Equal(expected.PipelineId, actual.PipelineId);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Amount, actual.Amount);
        Assert.Equal(expected.ExpectedCloseDate, actual.ExpectedCloseDate);
        Assert.Equal(expected.OwnerId, actual.OwnerId);
        Assert.Equal(expected.StageId, actual.StageId);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.StageHistory, actual.StageHistory);
        Assert.Equal(expected.LostReason, actual.LostReason);
        Assert.Equal(expected.ClosedAt, actual.ClosedAt);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
    }

    private static List<MoneyTotal> Totals(IEnumerable<Deal> deals, decimal factor) =>
        [.. deals.GroupBy(d => d.Amount.Currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MoneyTotal(g.Sum(d => d.Amount.Amount) * factor, g.Key))];
}
