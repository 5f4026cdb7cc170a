using Crm.Sdk.Pipelines;
using Crm.Sdk.Pipelines.Events;
using Xunit;

namespace Crm.Sdk.Tests.Pipelines;

/// <summary>Rules of the pipeline aggregate.</summary>
public sealed class PipelineTests
{
    private static readonly PipelineStageDraft Open = new() { Name = "Lead", Probability = 0.2m };
    private static readonly PipelineStageDraft Won = new() { Name = "Won", Probability = 1m, Outcome = StageOutcome.ClosedWon };
    private static readonly PipelineStageDraft Lost = new() { Name = "Lost", Probability = 0m, Outcome = StageOutcome.ClosedLost };

    private static CrmValidationException CreateFails(PipelineDraft draft) =>
        Assert.Throws<CrmValidationException>(() => Pipeline.Create(draft, PipelineId.New(Samples.T0), Samples.T0));

    [Fact]
    public void Created_pipeline_keeps_its_stages_in_order_with_distinct_ordered_ids()
    {
        var pipeline = Samples.SalesPipeline();

        Assert.Equal(["Lead", "Qualified", "Proposal", "Won", "Lost", "Lost - no decision"], pipeline.Stages.Select(s => s.Name));
        Assert.Equal(pipeline.Stages.Count, pipeline.Stages.Select(s => s.Id).Distinct().Count());
        Assert.Equal(pipeline.Stages.Select(s => s.Id.Value).Order(), pipeline.Stages.Select(s => s.Id.Value));
        Assert.Equal(Samples.T0, pipeline.CreatedAt);
        Assert.Equal(Samples.T0, pipeline.UpdatedAt);
        Assert.Equal(0, pipeline.Version);
        var created = Assert.IsType<PipelineCreated>(Assert.Single(pipeline.DomainEvents));
        Assert.Equal(new PipelineCreated(pipeline.Id, "Sales"), created);
    }

    [Fact]
    public void Helpers_find_the_first_open_won_and_lost_stages()
    {
        var pipeline = Samples.SalesPipeline();

        Assert.Equal("Lead", pipeline.FirstOpenStage.Name);
        Assert.Equal("Won", pipeline.WonStage.Name);
        Assert.Equal("Lost", pipeline.LostStage.Name);
        Assert.Same(pipeline.Stage("Qualified"), pipeline.GetStage(pipeline.Stage("Qualified").Id));
    }

    [Fact]
    public void A_stage_is_found_by_name_ignoring_case_and_spaces()
    {
        var pipeline = Samples.SalesPipeline();

        Assert.Same(pipeline.Stage("Proposal"), pipeline.FindStage("  proposal "));
        Assert.Null(pipeline.FindStage("Negotiation"));
    }

    [Fact]
    public void Name_is_required()
    {
        var error = Assert.Single(CreateFails(new PipelineDraft { Name = "  ", Stages = [Open, Won, Lost] }).Errors);
        Assert.Equal(("Name", "required"), (error.Field, error.Rule));
    }

    [Fact]
    public void Name_longer_than_200_characters_is_rejected()
    {
        var error = Assert.Single(CreateFails(new PipelineDraft { Name = new string('x', 201), Stages = [Open, Won, Lost] }).Errors);
        Assert.Equal(("Name", "max-length"), (error.Field, error.Rule));
    }

    [Fact]
    public void Pipeline_needs_an_open_a_won_and_a_lost_stage()
    {
        var errors = CreateFails(new PipelineDraft { Name = "Sales", Stages = [] }).Errors;

        Assert.Equal(
            [("Stages", "open-stage-required"), ("Stages", "won-stage-required"), ("Stages", "lost-stage-required")],
            errors.Select(e => (e.Field, e.Rule)));
    }

    [Theory]
    [InlineData(StageOutcome.Open, "open-stage-required")]
    [InlineData(StageOutcome.ClosedWon, "won-stage-required")]
    [InlineData(StageOutcome.ClosedLost, "lost-stage-required")]
    public void Pipeline_missing_one_outcome_names_it(StageOutcome missing, string rule)
    {
        PipelineStageDraft[] stages = [.. new[] { Open, Won, Lost }.Where(s => s.Outcome != missing)];

        var error = Assert.Single(CreateFails(new PipelineDraft { Name = "Sales", Stages = stages }).Errors);
        Assert.Equal(("Stages", rule), (error.Field, error.Rule));
    }

    [Fact]
    public void Stage_names_must_be_unique_ignoring_case()
    {
        var error = Assert.Single(CreateFails(new PipelineDraft { Name = "Sales", Stages = [Open, new PipelineStageDraft { Name = "LEAD ", Probability = 0.5m }, Won, Lost] }).Errors);
        Assert.Equal(("Stages[1].Name", "stage-name-unique"), (error.Field, error.Rule));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    public void Probability_outside_zero_to_one_is_rejected(double probability)
    {
        var error = Assert.Single(CreateFails(new PipelineDraft { Name = "Sales", Stages = [new PipelineStageDraft { Name = "Lead", Probability = (decimal)probability }, Won, Lost] }).Errors);
        Assert.Equal(("Stages[0].Probability", "probability-range"), (error.Field, error.Rule));
    }

    [Fact]
    public void Won_stage_must_have_probability_one_and_lost_stage_zero()
    {
        var errors = CreateFails(new PipelineDraft { Name = "Sales", Stages = [Open, Won with { Probability = 0.9m }, Lost with { Probability = 0.1m }] }).Errors;

        Assert.Equal(
            [("Stages[1].Probability", "closed-stage-probability"), ("Stages[2].Probability", "closed-stage-probability")],
            errors.Select(e => (e.Field, e.Rule)));
    }

    [Fact]
    public void Stage_name_is_required_and_limited()
    {
        var errors = CreateFails(new PipelineDraft { Name = "Sales", Stages = [new PipelineStageDraft { Name = "", Probability = 0.1m }, new PipelineStageDraft { Name = new string('s', 101), Probability = 0.1m }, Won, Lost] }).Errors;

        Assert.Equal(
            [("Stages[0].Name", "required"), ("Stages[1].Name", "max-length")],
            errors.Select(e => (e.Field, e.Rule)));
    }

    [Fact]
    public void Undefined_outcome_is_rejected()
    {
        var error = Assert.Single(CreateFails(new PipelineDraft { Name = "Sales", Stages = [Open, Won, Lost, new PipelineStageDraft { Name = "Odd", Probability = 0.5m, Outcome = (StageOutcome)42 }] }).Errors);
        Assert.Equal(("Stages[3].Outcome", "undefined-value"), (error.Field, error.Rule));
    }

    [Fact]
    public void More_than_fifty_stages_are_rejected()
    {
        PipelineStageDraft[] stages = [.. Enumerable.Range(0, 49).Select(i => new PipelineStageDraft { Name = $"S{i}", Probability = 0.5m }), Won, Lost];

        var error = Assert.Single(CreateFails(new PipelineDraft { Name = "Sales", Stages = stages }).Errors);
        Assert.Equal(("Stages", "max-stages"), (error.Field, error.Rule));
    }

    [Fact]
    public void All_failing_fields_are_reported_together()
    {
        var errors = CreateFails(new PipelineDraft { Name = "", Stages = [new PipelineStageDraft { Name = "Lead", Probability = 2m }, new PipelineStageDraft { Name = "lead", Probability = 0.5m }] }).Errors;

        Assert.Equal(
            ["Name", "Stages[0].Probability", "Stages[1].Name", "Stages", "Stages"],
            errors.Select(e => e.Field));
    }

    [Fact]
    public void Rename_changes_the_name_and_records_an_event()
    {
        var pipeline = Samples.SalesPipeline();

        pipeline.Rename("  Enterprise  ");

        Assert.Equal("Enterprise", pipeline.Name);
        Assert.Equal(new PipelineRenamed(pipeline.Id, "Enterprise"), pipeline.DomainEvents[^1]);
    }

    [Fact]
    public void Rename_to_blank_fails_and_keeps_the_name()
    {
        var pipeline = Samples.SalesPipeline();

        var ex = Assert.Throws<CrmValidationException>(() => pipeline.Rename(" "));

        Assert.Equal("required", Assert.Single(ex.Errors).Rule);
        Assert.Equal("Sales", pipeline.Name);
        Assert.Single(pipeline.DomainEvents);
    }

    [Fact]
    public void AddStage_inserts_at_the_position_with_a_new_id()
    {
        var pipeline = Samples.SalesPipeline();

        var stage = pipeline.AddStage(new PipelineStageDraft { Name = "Negotiation", Probability = 0.8m }, Samples.Minutes(5), position: 3);

        Assert.Equal("Negotiation", pipeline.Stages[3].Name);
        Assert.Same(stage, pipeline.GetStage(stage.Id));
        Assert.Equal(7, pipeline.Stages.Select(s => s.Id).Distinct().Count());
        Assert.Equal(new PipelineStageAdded(pipeline.Id, stage.Id, "Negotiation", 3), pipeline.DomainEvents[^1]);
    }

    [Fact]
    public void AddStage_without_position_appends()
    {
        var pipeline = Samples.SalesPipeline();

        pipeline.AddStage(new PipelineStageDraft { Name = "Lost - budget", Probability = 0m, Outcome = StageOutcome.ClosedLost }, Samples.Minutes(5));

        Assert.Equal("Lost - budget", pipeline.Stages[^1].Name);
        Assert.Equal("Lost", pipeline.LostStage.Name);
    }

    [Fact]
    public void AddStage_with_a_taken_name_and_bad_position_reports_both_and_changes_nothing()
    {
        var pipeline = Samples.SalesPipeline();

        var ex = Assert.Throws<CrmValidationException>(() => pipeline.AddStage(new PipelineStageDraft { Name = "proposal", Probability = 0.5m }, Samples.Minutes(5), position: 7));

        Assert.Equal([("Name", "stage-name-unique"), ("Position", "position-range")], ex.Errors.Select(e => (e.Field, e.Rule)));
        Assert.Equal(6, pipeline.Stages.Count);
        Assert.Single(pipeline.DomainEvents);
    }

    [Fact]
    public void RenameStage_allows_changing_the_case_of_its_own_name()
    {
        var pipeline = Samples.SalesPipeline();
        var lead = pipeline.Stage("Lead").Id;

        pipeline.RenameStage(lead, "LEAD");

        Assert.Equal("LEAD", pipeline.GetStage(lead).Name);
        Assert.Equal(new PipelineStageRenamed(pipeline.Id, lead, "LEAD"), pipeline.DomainEvents[^1]);
    }

    [Fact]
    public void RenameStage_to_another_stages_name_fails()
    {
        var pipeline = Samples.SalesPipeline();
        var lead = pipeline.Stage("Lead").Id;

        var ex = Assert.Throws<CrmValidationException>(() => pipeline.RenameStage(lead, "qualified"));

        Assert.Equal(("Name", "stage-name-unique"), (Assert.Single(ex.Errors).Field, ex.Errors[0].Rule));
        Assert.Equal("Lead", pipeline.GetStage(lead).Name);
    }

    [Fact]
    public void ChangeStageProbability_changes_an_open_stage()
    {
        var pipeline = Samples.SalesPipeline();
        var lead = pipeline.Stage("Lead").Id;

        pipeline.ChangeStageProbability(lead, 0.15m);

        Assert.Equal(0.15m, pipeline.GetStage(lead).Probability);
        Assert.Equal(new PipelineStageProbabilityChanged(pipeline.Id, lead, 0.15m), pipeline.DomainEvents[^1]);
    }

    [Fact]
    public void Closed_stage_probability_cannot_change()
    {
        var pipeline = Samples.SalesPipeline();

        var ex = Assert.Throws<CrmValidationException>(() => pipeline.ChangeStageProbability(pipeline.WonStage.Id, 0.9m));

        Assert.Equal(("Probability", "closed-stage-probability"), (Assert.Single(ex.Errors).Field, ex.Errors[0].Rule));
        Assert.Equal(1m, pipeline.WonStage.Probability);
    }

    [Fact]
    public void GetStage_of_a_foreign_stage_names_both_ids()
    {
        var pipeline = Samples.SalesPipeline();
        var foreign = StageId.New(Samples.T0);

        var ex = Assert.Throws<DomainRuleException>(() => pipeline.GetStage(foreign));

        Assert.Equal("stage-not-in-pipeline", ex.Rule);
        Assert.Contains(foreign.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Contains(pipeline.Id.ToString(), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stage_operations_on_a_foreign_stage_fail()
    {
        var pipeline = Samples.SalesPipeline();
        var foreign = StageId.New(Samples.T0);

        Assert.Equal("stage-not-in-pipeline", Assert.Throws<DomainRuleException>(() => pipeline.RenameStage(foreign, "X")).Rule);
        Assert.Equal("stage-not-in-pipeline", Assert.Throws<DomainRuleException>(() => pipeline.ChangeStageProbability(foreign, 0.5m)).Rule);
    }
}
