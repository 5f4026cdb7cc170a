using Crm.Sdk.Deals;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Tickets;

namespace Crm.Sdk.Specification.Tests.Crm.HostileInput;

/// <summary>Every text input of the public API, as <see cref="TextTarget"/>s over one world.</summary>
internal static partial class TextTargets
{
    /// <summary>The text inputs of pipelines and deals: names, stage names, owners, the lost reason, and the searches.</summary>
    /// <param name="w">The world.</param>
    /// <returns>The targets.</returns>
    public static IEnumerable<TextTarget> PipelinesAndDeals(CorpusWorld w)
    {
        var crm = w.Crm;
        Func<object?, Task<string?>> ReadPipeline(Func<Pipeline, string?> field) =>
            async result => field(await crm.Pipelines.GetAsync(((Pipeline)result!).Id));
        Func<object?, Task<string?>> ReadDeal(Func<Deal, string?> field) =>
            async result => field(await crm.Deals.GetAsync(((Deal)result!).Id));

        yield return new TextTarget
        {
            Name = "Pipeline.Name",
            Fields = ["Name"],
            Shape = TextShape.SingleLine,
            Required = true,
            MaxLength = Pipeline.MaxNameLength,
            Act = async s => await crm.Pipelines.CreateAsync(CorpusWorld.PipelineDraft(s)),
            Stored = ReadPipeline(p => p.Name),
        };
        yield return new TextTarget
        {
            Name = "Pipeline.Stages[0].Name",
            Fields = ["Stages[0]"],
            Shape = TextShape.SingleLine,
            Required = true,
            MaxLength = PipelineStage.MaxNameLength,
            Act = async s =>
            {
                var draft = CorpusWorld.PipelineDraft($"Pipeline {w.Unique()}");
                return await crm.Pipelines.CreateAsync(draft with { Stages = [draft.Stages[0] with { Name = s }, .. draft.Stages.Skip(1)] });
            },
            Stored = ReadPipeline(p => p.Stages[0].Name),
        };

        Pipeline? renamed = null;
        yield return new TextTarget
        {
            Name = "Pipeline.Rename + Pipelines.UpdateAsync",
            Fields = ["Name"],
            Shape = TextShape.SingleLine,
            Required = true,
            MaxLength = Pipeline.MaxNameLength,
            Effect = StoreEffect.Any,
            Arrange = async () => renamed = renamed is null
                ? await crm.Pipelines.CreateAsync(CorpusWorld.PipelineDraft($"Pipeline {w.Unique()}"))
                : await crm.Pipelines.GetAsync(renamed.Id),
            Act = async s =>
            {
                renamed!.Rename(s);
                await crm.Pipelines.UpdateAsync(renamed);
                return renamed;
            },
            Stored = ReadPipeline(p => p.Name),
        };
        yield return new TextTarget
        {
            Name = "Pipelines.FindByNameAsync",
            Fields = ["Name"],
            Shape = TextShape.Lookup,
            Act = async s => await crm.Pipelines.FindByNameAsync(s),
        };
        yield return new TextTarget
        {
            Name = "Pipelines.ListAsync(NamePrefix)",
            Fields = ["NamePrefix"],
            Shape = TextShape.Lookup,
            Act = async s => await crm.Pipelines.ListAsync(new PipelineFilter { NamePrefix = s }, PageRequest.First),
        };
        yield return new TextTarget
        {
            Name = "Deal.Name",
            Fields = ["Name"],
            Shape = TextShape.SingleLine,
            Required = true,
            MaxLength = Deal.MaxNameLength,
            Act = async s => await crm.Deals.CreateAsync(w.DealDraft(w.A.Id) with { Name = s }),
            Stored = ReadDeal(d => d.Name),
        };
        yield return new TextTarget
        {
            Name = "Deal.OwnerId",
            Fields = ["OwnerId"],
            Shape = TextShape.SingleLine,
            MaxLength = Deal.MaxOwnerIdLength,
            Act = async s => await crm.Deals.CreateAsync(w.DealDraft(w.A.Id) with { OwnerId = s }),
            Stored = ReadDeal(d => d.OwnerId),
        };

        Deal? deal = null;
        yield return new TextTarget
        {
            Name = "Deal.Rename + Deals.UpdateAsync",
            Fields = ["Name"],
            Shape = TextShape.SingleLine,
            Required = true,
            MaxLength = Deal.MaxNameLength,
            Effect = StoreEffect.Any,
            Arrange = async () => deal = await crm.Deals.GetAsync(w.DealA.Id),
            Act = async s =>
            {
                deal!.Rename(s);
                await crm.Deals.UpdateAsync(deal);
                return deal;
            },
            Stored = ReadDeal(d => d.Name),
        };
        yield return new TextTarget
        {
            Name = "Deals.AssignOwnerAsync(ownerId)",
            Fields = ["OwnerId"],
            Shape = TextShape.SingleLine,
            MaxLength = Deal.MaxOwnerIdLength,
            Effect = StoreEffect.Any,
            Act = async s => await crm.Deals.AssignOwnerAsync(w.DealA.Id, s),
            Stored = ReadDeal(d => d.OwnerId),
        };

        Deal? toLose = null;
        yield return new TextTarget
        {
            Name = "Deals.LoseAsync(reason)",
            Fields = ["Reason"],
            Shape = TextShape.MultiLine,
            MaxLength = Deal.MaxLostReasonLength,
            Arrange = async () => toLose = await crm.Deals.CreateAsync(w.DealDraft(w.A.Id)),
            Act = async s => await crm.Deals.LoseAsync(toLose!.Id, s),
            Stored = ReadDeal(d => d.LostReason),
        };
        yield return new TextTarget
        {
            Name = "Deals.ListAsync(OwnerId)",
            Fields = ["OwnerId"],
            Shape = TextShape.Lookup,
            Act = async s => await crm.Deals.ListAsync(new DealFilter { OwnerId = s }, PageRequest.First),
        };
    }

    /// <summary>The text inputs of tickets: subject, description, assignee, comments, the rating comment, and the queue filter.</summary>
    /// <param name="w">The world.</param>
    /// <returns>The targets.</returns>
    public static IEnumerable<TextTarget> Tickets(CorpusWorld w)
    {
        var crm = w.Crm;
        Func<object?, Task<string?>> Read(Func<Ticket, string?> field) =>
            async result => field(await crm.Tickets.GetAsync(((Ticket)result!).Id));

        yield return new TextTarget
        {
            Name = "Ticket.Subject",
            Fields = ["Subject"],
            Shape = TextShape.SingleLine,
            Required = true,
            MaxLength = Ticket.MaxSubjectLength,
            Act = async s => await crm.Tickets.CreateAsync(CorpusWorld.TicketDraft(w.A.Id, s)),
            Stored = Read(t => t.Subject),
        };
        yield return new TextTarget
        {
            Name = "Ticket.Description",
            Fields = ["Description"],
            Shape = TextShape.MultiLine,
            MaxLength = Ticket.MaxDescriptionLength,
            Act = async s => await crm.Tickets.CreateAsync(CorpusWorld.TicketDraft(w.A.Id) with { Description = s }),
            Stored = Read(t => t.Description),
        };
        yield return new TextTarget
        {
            Name = "Ticket.AssigneeId",
            Fields = ["AssigneeId"],
            Shape = TextShape.SingleLine,
            Required = true,
            MaxLength = Ticket.MaxUserIdLength,
            Act = async s => await crm.Tickets.CreateAsync(CorpusWorld.TicketDraft(w.A.Id) with { AssigneeId = s }),
            Stored = Read(t => t.AssigneeId),
        };
        yield return new TextTarget
        {
            Name = "Tickets.AssignAsync(assigneeId)",
            Fields = ["AssigneeId"],
            Shape = TextShape.SingleLine,
            Required = true,
            MaxLength = Ticket.MaxUserIdLength,
            Effect = StoreEffect.Any,
            Act = async s => await crm.Tickets.AssignAsync(w.TicketA.Id, s),
            Stored = Read(t => t.AssigneeId),
        };
        yield return new TextTarget
        {
            Name = "Tickets.AddCommentAsync(authorId)",
            Fields = ["AuthorId"],
            Shape = TextShape.SingleLine,
            Required = true,
            MaxLength = Ticket.MaxUserIdLength,
            Act = async s => await crm.Tickets.AddCommentAsync(w.TicketA.Id, s, "A comment"),
            Stored = Read(t => t.Comments[^1].AuthorId),
        };
        yield return new TextTarget
        {
            Name = "Tickets.AddCommentAsync(body)",
            Fields = ["Body"],
            Shape = TextShape.MultiLine,
            Required = true,
            MaxLength = Ticket.MaxCommentLength,
            Act = async s => await crm.Tickets.AddCommentAsync(w.TicketA.Id, "agent-1", s),
            Stored = Read(t => t.Comments[^1].Body),
        };

        Ticket? resolved = null;
        yield return new TextTarget
        {
            Name = "Tickets.RateAsync(comment)",
            Fields = ["Comment"],
            Shape = TextShape.MultiLine,
            MaxLength = Ticket.MaxRatingCommentLength,
            Arrange = async () => resolved = await w.NewTicketAsync(TicketStatus.Resolved),
            Act = async s => await crm.Tickets.RateAsync(resolved!.Id, 4, s),
            Stored = Read(t => t.Satisfaction?.Comment),
        };
        yield return new TextTarget
        {
            Name = "Tickets.ListAsync(AssigneeId)",
            Fields = ["AssigneeId"],
            Shape = TextShape.Lookup,
            Act = async s => await crm.Tickets.ListAsync(new TicketFilter { AssigneeId = s }, PageRequest.First),
        };
    }
}
