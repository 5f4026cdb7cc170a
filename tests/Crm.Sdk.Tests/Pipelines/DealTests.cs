using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Deals.Events;
using Crm.Sdk.Pipelines;
using NodaTime;
using Xunit;

namespace Crm.Sdk.Tests.Pipelines;

/// <summary>Rules of the deal aggregate.</summary>
public sealed class DealTests
{
    private readonly Pipeline _pipeline = Samples.SalesPipeline();

    /// <summary>New deal starts open in the first open stage.</summary>
    [Fact]
    public void New_deal_starts_open_in_the_first_open_stage()
    {
        var draft = Samples.DealDraft(_pipeline) with { ExpectedCloseDate = new LocalDate(2025, 6, 30), OwnerId = " rep-7 " };
        var id = DealId.New(Samples.T0);

        var deal = Deal.Create(draft, _pipeline, id, Samples.T0);

        Assert.Equal(id, deal.Id);
        Assert.Equal(draft.CustomerId, deal.CustomerId);
        Assert.Equal(_pipeline.Id, deal.PipelineId);
        Assert.Equal("ACME roll-out", deal.Name);
        Assert.Equal(Money.Of(12_500m, "EUR"), deal.Amount);
        Assert.Equal(new LocalDate(2025, 6, 30), deal.ExpectedCloseDate);
        Assert.Equal("rep-7", deal.OwnerId);
        Assert.Equal(_pipeline.FirstOpenStage.Id, deal.StageId);
        Assert.Equal(DealStatus.Open, deal.Status);
        Assert.Equal([new DealStageEntry(deal.StageId, Samples.T0, null)], deal.StageHistory);
        Assert.Null(deal.ClosedAt);
        Assert.Equal(Samples.T0, deal.CreatedAt);
        Assert.Equal(Samples.T0, deal.UpdatedAt);
        Assert.Equal(new DealCreated(id, draft.CustomerId, _pipeline.Id, deal.StageId, deal.Amount), Assert.Single(deal.DomainEvents));
    }

    /// <summary>New deal can start in a chosen open stage.</summary>
    [Fact]
    public void New_deal_can_start_in_a_chosen_open_stage()
    {
        var proposal = _pipeline.Stage("Proposal").Id;

        var deal = Deal.Create(Samples.DealDraft(_pipeline) with { InitialStageId = proposal }, _pipeline, DealId.New(Samples.T0), Samples.T0);

        Assert.Equal(proposal, deal.StageId);
    }

    /// <summary>New deal cannot start in a closed or foreign stage.</summary>
    [Fact]
    public void New_deal_cannot_start_in_a_closed_or_foreign_stage()
    {
        var won = Assert.Throws<CrmValidationException>(() => Deal.Create(Samples.DealDraft(_pipeline) with { InitialStageId = _pipeline.WonStage.Id }, _pipeline, DealId.New(Samples.T0), Samples.T0));
        var foreign = Assert.Throws<CrmValidationException>(() => Deal.Create(Samples.DealDraft(_pipeline) with { InitialStageId = StageId.New(Samples.T0) }, _pipeline, DealId.New(Samples.T0), Samples.T0));

        Assert.Equal(("InitialStageId", "stage-not-open"), (Assert.Single(won.Errors).Field, won.Errors[0].Rule));
        Assert.Equal(("InitialStageId", "stage-not-in-pipeline"), (Assert.Single(foreign.Errors).Field, foreign.Errors[0].Rule));
    }

    /// <summary>Negative amount is rejected.</summary>
    [Fact]
    public void Negative_amount_is_rejected()
    {
        var ex = Assert.Throws<CrmValidationException>(() => Deal.Create(Samples.DealDraft(_pipeline) with { Amount = Money.Of(-1m, "EUR") }, _pipeline, DealId.New(Samples.T0), Samples.T0));

        Assert.Equal(("Amount", "amount-not-negative"), (Assert.Single(ex.Errors).Field, ex.Errors[0].Rule));
    }

    /// <summary>Draft errors are all reported together.</summary>
    [Fact]
    public void Draft_errors_are_all_reported_together()
    {
        var other = Samples.SalesPipeline("Other");
        var draft = new DealDraft { CustomerId = default, PipelineId = other.Id, Name = "", Amount = default, OwnerId = new string('o', 201) };

        var ex = Assert.Throws<CrmValidationException>(() => Deal.Create(draft, _pipeline, DealId.New(Samples.T0), Samples.T0));

        Assert.Equal(
            [("CustomerId", "required"), ("PipelineId", "pipeline-mismatch"), ("Name", "required"), ("Amount.Currency", "currency-iso4217"), ("OwnerId", "max-length")],
            ex.Errors.Select(e => (e.Field, e.Rule)));
    }

    /// <summary>Name longer than 300 characters is rejected.</summary>
    [Fact]
    public void Name_longer_than_300_characters_is_rejected()
    {
        var ex = Assert.Throws<CrmValidationException>(() => Deal.Create(Samples.DealDraft(_pipeline) with { Name = new string('d', 301) }, _pipeline, DealId.New(Samples.T0), Samples.T0));

        Assert.Equal(("Name", "max-length"), (Assert.Single(ex.Errors).Field, ex.Errors[0].Rule));
    }

    /// <summary>Moving closes the current history entry and opens a new one.</summary>
    [Fact]
    public void Moving_closes_the_current_history_entry_and_opens_a_new_one()
    {
        var deal = Samples.NewDeal(_pipeline);
        var lead = _pipeline.Stage("Lead").Id;
        var qualified = _pipeline.Stage("Qualified").Id;
        var proposal = _pipeline.Stage("Proposal").Id;

        deal.MoveTo(_pipeline, qualified, Samples.Minutes(10));
        deal.MoveTo(_pipeline, proposal, Samples.Minutes(20));

        Assert.Equal(proposal, deal.StageId);
        Assert.Equal(
            [
                new DealStageEntry(lead, Samples.T0, Samples.Minutes(10)),
                new DealStageEntry(qualified, Samples.Minutes(10), Samples.Minutes(20)),
                new DealStageEntry(proposal, Samples.Minutes(20), null),
            ],
            deal.StageHistory);
        Assert.Equal(new DealMovedToStage(deal.Id, qualified, proposal), deal.DomainEvents[^1]);
    }

    /// <summary>Moving to the current stage does nothing.</summary>
    [Fact]
    public void Moving_to_the_current_stage_does_nothing()
    {
        var deal = Samples.NewDeal(_pipeline);

        deal.MoveTo(_pipeline, deal.StageId, Samples.Minutes(10));

        Assert.Single(deal.StageHistory);
        Assert.Single(deal.DomainEvents);
    }

    /// <summary>Moving to a won stage wins the deal.</summary>
    [Fact]
    public void Moving_to_a_won_stage_wins_the_deal()
    {
        var deal = Samples.NewDeal(_pipeline);

        deal.MoveTo(_pipeline, _pipeline.WonStage.Id, Samples.Minutes(30));

        Assert.Equal(DealStatus.Won, deal.Status);
        Assert.Equal(Samples.Minutes(30), deal.ClosedAt);
        Assert.Equal(new DealWon(deal.Id, _pipeline.WonStage.Id, deal.Amount), deal.DomainEvents[^1]);
    }

    /// <summary>Moving to any lost stage loses the deal.</summary>
    [Fact]
    public void Moving_to_any_lost_stage_loses_the_deal()
    {
        var deal = Samples.NewDeal(_pipeline);
        var noDecision = _pipeline.Stage("Lost - no decision").Id;

        deal.MoveTo(_pipeline, noDecision, Samples.Minutes(30));

        Assert.Equal(DealStatus.Lost, deal.Status);
        Assert.Equal(noDecision, deal.StageId);
        Assert.Null(deal.LostReason);
    }

    /// <summary>Closed deal cannot move to another stage.</summary>
    [Fact]
    public void Closed_deal_cannot_move_to_another_stage()
    {
        var deal = Samples.NewDeal(_pipeline);
        deal.Win(_pipeline, Samples.Minutes(30));

        var ex = Assert.Throws<DomainRuleException>(() => deal.MoveTo(_pipeline, _pipeline.Stage("Proposal").Id, Samples.Minutes(40)));

        Assert.Equal("deal-closed", ex.Rule);
        Assert.Equal(DealStatus.Won, deal.Status);
        Assert.Equal(_pipeline.WonStage.Id, deal.StageId);
    }

    /// <summary>Closed deal cannot be won or lost again.</summary>
    [Fact]
    public void Closed_deal_cannot_be_won_or_lost_again()
    {
        var won = Samples.NewDeal(_pipeline);
        won.Win(_pipeline, Samples.Minutes(30));
        var lost = Samples.NewDeal(_pipeline);
        lost.Lose(_pipeline, "price", Samples.Minutes(30));

        Assert.Equal("deal-closed", Assert.Throws<DomainRuleException>(() => won.Win(_pipeline, Samples.Minutes(40))).Rule);
        Assert.Equal("deal-closed", Assert.Throws<DomainRuleException>(() => won.Lose(_pipeline, null, Samples.Minutes(40))).Rule);
        Assert.Equal("deal-closed", Assert.Throws<DomainRuleException>(() => lost.Win(_pipeline, Samples.Minutes(40))).Rule);
        Assert.Equal("deal-closed", Assert.Throws<DomainRuleException>(() => lost.MoveTo(_pipeline, lost.StageId, Samples.Minutes(40))).Rule);
    }

    /// <summary>Moving to a stage of another pipeline fails naming the stage.</summary>
    [Fact]
    public void Moving_to_a_stage_of_another_pipeline_fails_naming_the_stage()
    {
        var deal = Samples.NewDeal(_pipeline);
        var foreign = Samples.SalesPipeline("Other").Stage("Qualified").Id;

        var ex = Assert.Throws<DomainRuleException>(() => deal.MoveTo(_pipeline, foreign, Samples.Minutes(10)));

        Assert.Equal("stage-not-in-pipeline", ex.Rule);
        Assert.Contains(foreign.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Single(deal.StageHistory);
    }

    /// <summary>Passing another pipeline fails.</summary>
    [Fact]
    public void Passing_another_pipeline_fails()
    {
        var deal = Samples.NewDeal(_pipeline);
        var other = Samples.SalesPipeline("Other");

        var ex = Assert.Throws<DomainRuleException>(() => deal.MoveTo(other, other.Stage("Qualified").Id, Samples.Minutes(10)));

        Assert.Equal("pipeline-mismatch", ex.Rule);
        Assert.Equal("pipeline-mismatch", Assert.Throws<DomainRuleException>(() => deal.Win(other, Samples.Minutes(10))).Rule);
    }

    /// <summary>A stage change cannot be dated before the current stage was entered.</summary>
    [Fact]
    public void A_stage_change_cannot_be_dated_before_the_current_stage_was_entered()
    {
        var deal = Samples.NewDeal(_pipeline);
        deal.MoveTo(_pipeline, _pipeline.Stage("Qualified").Id, Samples.Minutes(10));

        var ex = Assert.Throws<CrmValidationException>(() => deal.MoveTo(_pipeline, _pipeline.Stage("Proposal").Id, Samples.Minutes(5)));

        Assert.Equal(("At", "time-order"), (Assert.Single(ex.Errors).Field, ex.Errors[0].Rule));
        Assert.Equal(2, deal.StageHistory.Count);
    }

    /// <summary>Win moves to the won stage.</summary>
    [Fact]
    public void Win_moves_to_the_won_stage()
    {
        var deal = Samples.NewDeal(_pipeline);

        deal.Win(_pipeline, Samples.Minutes(60));

        Assert.Equal(DealStatus.Won, deal.Status);
        Assert.Equal(_pipeline.WonStage.Id, deal.StageId);
        Assert.Equal(Samples.Minutes(60), deal.ClosedAt);
        Assert.Equal(new DealStageEntry(_pipeline.WonStage.Id, Samples.Minutes(60), null), deal.StageHistory[^1]);
        Assert.Equal(Samples.Minutes(60), deal.StageHistory[0].LeftAt);
    }

    /// <summary>Lose moves to the lost stage with the reason.</summary>
    [Fact]
    public void Lose_moves_to_the_lost_stage_with_the_reason()
    {
        var deal = Samples.NewDeal(_pipeline);

        deal.Lose(_pipeline, "  Went with a competitor ", Samples.Minutes(60));

        Assert.Equal(DealStatus.Lost, deal.Status);
        Assert.Equal(_pipeline.LostStage.Id, deal.StageId);
        Assert.Equal("Went with a competitor", deal.LostReason);
        Assert.Equal(Samples.Minutes(60), deal.ClosedAt);
        Assert.Equal(new DealLost(deal.Id, _pipeline.LostStage.Id, "Went with a competitor"), deal.DomainEvents[^1]);
    }

    /// <summary>Reopen returns to the last open stage and clears the closing.</summary>
    [Fact]
    public void Reopen_returns_to_the_last_open_stage_and_clears_the_closing()
    {
        var deal = Samples.NewDeal(_pipeline);
        var proposal = _pipeline.Stage("Proposal").Id;
        deal.MoveTo(_pipeline, proposal, Samples.Minutes(10));
        deal.Lose(_pipeline, "budget", Samples.Minutes(20));

        deal.Reopen(_pipeline, null, Samples.Minutes(30));

        Assert.Equal(DealStatus.Open, deal.Status);
        Assert.Equal(proposal, deal.StageId);
        Assert.Null(deal.ClosedAt);
        Assert.Null(deal.LostReason);
        Assert.Equal(4, deal.StageHistory.Count);
        Assert.Equal(new DealStageEntry(_pipeline.LostStage.Id, Samples.Minutes(20), Samples.Minutes(30)), deal.StageHistory[2]);
        Assert.Equal(new DealReopened(deal.Id, proposal), deal.DomainEvents[^1]);
    }

    /// <summary>Reopen to a given open stage.</summary>
    [Fact]
    public void Reopen_to_a_given_open_stage()
    {
        var deal = Samples.NewDeal(_pipeline);
        deal.Win(_pipeline, Samples.Minutes(20));
        var qualified = _pipeline.Stage("Qualified").Id;

        deal.Reopen(_pipeline, qualified, Samples.Minutes(30));

        Assert.Equal(qualified, deal.StageId);
        Assert.Equal(DealStatus.Open, deal.Status);
    }

    /// <summary>Reopen fails for an open deal or a closed stage.</summary>
    [Fact]
    public void Reopen_fails_for_an_open_deal_or_a_closed_stage()
    {
        var open = Samples.NewDeal(_pipeline);
        var won = Samples.NewDeal(_pipeline);
        won.Win(_pipeline, Samples.Minutes(20));

        Assert.Equal("deal-not-closed", Assert.Throws<DomainRuleException>(() => open.Reopen(_pipeline, null, Samples.Minutes(30))).Rule);
        Assert.Equal("stage-not-open", Assert.Throws<DomainRuleException>(() => won.Reopen(_pipeline, _pipeline.LostStage.Id, Samples.Minutes(30))).Rule);
        Assert.Equal(DealStatus.Won, won.Status);
    }

    /// <summary>Reopened deal can be won again.</summary>
    [Fact]
    public void Reopened_deal_can_be_won_again()
    {
        var deal = Samples.NewDeal(_pipeline);
        deal.Lose(_pipeline, null, Samples.Minutes(10));
        deal.Reopen(_pipeline, null, Samples.Minutes(20));

        deal.Win(_pipeline, Samples.Minutes(30));

        Assert.Equal(DealStatus.Won, deal.Status);
        Assert.Equal(
            [_pipeline.FirstOpenStage.Id, _pipeline.LostStage.Id, _pipeline.FirstOpenStage.Id, _pipeline.WonStage.Id],
            deal.StageHistory.Select(e => e.StageId));
    }

    /// <summary>ChangeAmount rejects a negative amount and keeps the old one.</summary>
    [Fact]
    public void ChangeAmount_rejects_a_negative_amount_and_keeps_the_old_one()
    {
        var deal = Samples.NewDeal(_pipeline);

        var ex = Assert.Throws<CrmValidationException>(() => deal.ChangeAmount(Money.Of(-5m, "EUR")));

        Assert.Equal(("Amount", "amount-not-negative"), (Assert.Single(ex.Errors).Field, ex.Errors[0].Rule));
        Assert.Equal(Money.Of(12_500m, "EUR"), deal.Amount);
    }

    /// <summary>ChangeAmount of a closed deal corrects it.</summary>
    [Fact]
    public void ChangeAmount_of_a_closed_deal_corrects_it()
    {
        var deal = Samples.NewDeal(_pipeline);
        deal.Win(_pipeline, Samples.Minutes(10));

        deal.ChangeAmount(Money.Of(11_000m, "USD"));

        Assert.Equal(Money.Of(11_000m, "USD"), deal.Amount);
        Assert.Equal(new DealAmountChanged(deal.Id, Money.Of(12_500m, "EUR"), Money.Of(11_000m, "USD")), deal.DomainEvents[^1]);
    }

    /// <summary>Details change with events and same values do nothing.</summary>
    [Fact]
    public void Details_change_with_events_and_same_values_do_nothing()
    {
        var deal = Samples.NewDeal(_pipeline);

        deal.ChangeExpectedCloseDate(new LocalDate(2025, 9, 1));
        deal.AssignOwner("rep-1");
        deal.Rename("ACME phase 2");
        deal.ChangeExpectedCloseDate(new LocalDate(2025, 9, 1));
        deal.AssignOwner("rep-1");
        deal.Rename("ACME phase 2");
        deal.ChangeAmount(deal.Amount);

        Assert.Equal(new LocalDate(2025, 9, 1), deal.ExpectedCloseDate);
        Assert.Equal("rep-1", deal.OwnerId);
        Assert.Equal("ACME phase 2", deal.Name);
        Assert.Equal(
            [typeof(DealCreated), typeof(DealExpectedCloseDateChanged), typeof(DealOwnerAssigned), typeof(DealRenamed)],
            deal.DomainEvents.Select(e => e.GetType()));
    }

    /// <summary>Owner can be unassigned and expected close cleared.</summary>
    [Fact]
    public void Owner_can_be_unassigned_and_expected_close_cleared()
    {
        var deal = Deal.Create(Samples.DealDraft(_pipeline) with { OwnerId = "rep-1", ExpectedCloseDate = new LocalDate(2025, 9, 1) }, _pipeline, DealId.New(Samples.T0), Samples.T0);

        deal.AssignOwner("  ");
        deal.ChangeExpectedCloseDate(null);

        Assert.Null(deal.OwnerId);
        Assert.Null(deal.ExpectedCloseDate);
    }

    /// <summary>Rename to blank fails.</summary>
    [Fact]
    public void Rename_to_blank_fails()
    {
        var deal = Samples.NewDeal(_pipeline);

        var ex = Assert.Throws<CrmValidationException>(() => deal.Rename(""));

        Assert.Equal(("Name", "required"), (Assert.Single(ex.Errors).Field, ex.Errors[0].Rule));
        Assert.Equal("ACME roll-out", deal.Name);
    }

    /// <summary>Touch sets the update time.</summary>
    [Fact]
    public void Touch_sets_the_update_time()
    {
        var deal = Samples.NewDeal(_pipeline);

        deal.Touch(Samples.Minutes(90));

        Assert.Equal(Samples.Minutes(90), deal.UpdatedAt);
        Assert.Equal(Samples.T0, deal.CreatedAt);
    }
}
