using System.Globalization;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Tickets;
using NodaTime;

namespace Crm.Sdk.Specification.Tests.Crm.HostileInput;

/// <summary>
/// Undefined enum values (99, −1, <see cref="int.MaxValue"/>, one past the last member) in every draft, command and
/// read filter that takes an enum: each must be refused with <c>undefined-value</c> naming the field; one defined value
/// per input is accepted.
/// </summary>
internal static class EnumCases
{
    /// <summary>The category.</summary>
    public const string Category = "undefined enums";

    /// <summary>The cases.</summary>
    /// <param name="w">The world.</param>
    /// <returns>The cases.</returns>
    public static IEnumerable<CorpusCase> Cases(CorpusWorld w)
    {
        var crm = w.Crm;
        var a = w.A.Id;
        Ticket? ticket = null;
        Func<Task> newTicket = async () => ticket = await w.NewTicketAsync();
        IEnumerable<CorpusCase>[] all =
        [
            Target<CustomerKind>("CustomerDraft.Kind", "Kind", CustomerKind.Company, StoreEffect.Writes, null,
                k => crm.Customers.CreateAsync(new CustomerDraft { Kind = k, DisplayName = $"Kind {w.Unique()}" })),
            Target<LifecycleStage>("CustomerDraft.LifecycleStage", "LifecycleStage", LifecycleStage.Churned, StoreEffect.Writes, null,
                s => crm.Customers.CreateAsync(w.PersonDraft() with { LifecycleStage = s })),
            Target<AddressKind>("CustomerDraft.Addresses[0].Kind", "Kind", AddressKind.Billing, StoreEffect.Writes, null,
                k => crm.Customers.CreateAsync(w.PersonDraft() with { Addresses = [new PostalAddressDraft { Kind = k, City = "Paris", Country = "FR" }] })),
            Target<ConsentChannel>("CustomerDraft.Consents[0].Channel", "Channel", ConsentChannel.Messaging, StoreEffect.Writes, null,
                c => crm.Customers.CreateAsync(w.PersonDraft() with { Consents = [new ConsentRecord(c, ConsentStatus.Granted, Instant.FromUtc(2024, 5, 6, 7, 8), "web")] })),
            Target<ConsentStatus>("CustomerDraft.Consents[0].Status", "Status", ConsentStatus.Withdrawn, StoreEffect.Writes, null,
                s => crm.Customers.CreateAsync(w.PersonDraft() with { Consents = [new ConsentRecord(ConsentChannel.Sms, s, Instant.FromUtc(2024, 5, 6, 7, 8), "web")] })),
            Target<InteractionKind>("InteractionDraft.Kind", "Kind", InteractionKind.Meeting, StoreEffect.Writes, null,
                k => crm.Interactions.CreateAsync(InteractionDraft.Note(a, "Kind") with { Kind = k })),
            Target<InteractionChannel>("InteractionDraft.Channel", "Channel", InteractionChannel.Social, StoreEffect.Writes, null,
                c => crm.Interactions.CreateAsync(InteractionDraft.Note(a, "Channel") with { Channel = c })),
            Target<InteractionDirection>("InteractionDraft.Direction", "Direction", InteractionDirection.Outbound, StoreEffect.Writes, null,
                d => crm.Interactions.CreateAsync(InteractionDraft.Note(a, "Direction") with { Direction = d })),
            Target<FeedbackCategory>("InteractionDraft.Feedback.Category", "Category", FeedbackCategory.Suggestion, StoreEffect.Writes, null,
                c => crm.Interactions.CreateAsync(InteractionDraft.CustomerFeedback(a, c, 4))),
            Target<RatingScale>("InteractionDraft.Feedback.Scale", "Scale", RatingScale.Nps, StoreEffect.Writes, null,
                s => crm.Interactions.CreateAsync(InteractionDraft.CustomerFeedback(a, FeedbackCategory.Praise, 4, s))),
            Target<TicketType>("TicketDraft.Type", "Type", TicketType.AfterSales, StoreEffect.Writes, null,
                t => crm.Tickets.CreateAsync(CorpusWorld.TicketDraft(a) with { Type = t })),
            Target<TicketPriority>("TicketDraft.Priority", "Priority", TicketPriority.Urgent, StoreEffect.Writes, null,
                p => crm.Tickets.CreateAsync(CorpusWorld.TicketDraft(a) with { Priority = p })),
            Target<StageOutcome>("PipelineDraft.Stages[1].Outcome", "Outcome", StageOutcome.Open, StoreEffect.Writes, null, o =>
            {
                var draft = CorpusWorld.PipelineDraft($"Outcome {w.Unique()}");
                return crm.Pipelines.CreateAsync(draft with { Stages = [draft.Stages[0], draft.Stages[1] with { Outcome = o, Probability = 0.5m }, .. draft.Stages.Skip(2)] });
            }),
            Target<LifecycleStage>("Customers.ChangeLifecycleStageAsync(stage)", "Stage", LifecycleStage.Customer, StoreEffect.Any, null,
                s => crm.Customers.ChangeLifecycleStageAsync(a, s)),
            Target<TicketStatus>("Tickets.ChangeStatusAsync(status)", "Status", TicketStatus.Open, StoreEffect.Writes, newTicket,
                s => crm.Tickets.ChangeStatusAsync(ticket!.Id, s)),
            Target<TicketPriority>("Ticket.ChangePriority + Tickets.UpdateAsync", "Priority", TicketPriority.High, StoreEffect.Writes, newTicket, async p =>
            {
                var stored = await crm.Tickets.GetAsync(ticket!.Id);
                stored.ChangePriority(p);
                await crm.Tickets.UpdateAsync(stored);
            }),
            Target<InteractionKind>("InteractionFilter.Kinds", "Kinds", InteractionKind.Purchase, StoreEffect.None, null,
                k => crm.Interactions.ListAsync(InteractionFilter.ForCustomer(a) with { Kinds = [InteractionKind.Email, k] }, PageRequest.First)),
            Target<InteractionKind>("InteractionFilter.Kinds (stream)", "Kinds", InteractionKind.Refund, StoreEffect.None, null,
                k => CountAsync(crm.Interactions.StreamAsync(InteractionFilter.ForCustomer(a) with { Kinds = [k] }))),
            Target<TicketPriority>("TicketFilter.Priority", "Priority", TicketPriority.Low, StoreEffect.None, null,
                p => crm.Tickets.ListAsync(new TicketFilter { Priority = p }, PageRequest.First)),
            Target<DealStatus>("DealFilter.Status", "Status", DealStatus.Won, StoreEffect.None, null,
                s => crm.Deals.ListAsync(new DealFilter { Status = s }, PageRequest.First)),
            Target<LifecycleStage>("CustomerFilter.LifecycleStage", "LifecycleStage", LifecycleStage.Other, StoreEffect.None, null,
                s => crm.Customers.ListAsync(new CustomerFilter { LifecycleStage = s }, PageRequest.First)),
            Target<LifecycleStage>("CustomerFilter.LifecycleStage (stream)", "LifecycleStage", LifecycleStage.Lead, StoreEffect.None, null,
                s => CountAsync(crm.Customers.StreamAsync(new CustomerFilter { LifecycleStage = s }))),
        ];
        return all.SelectMany(c => c);
    }

    private static async Task<int> CountAsync<T>(IAsyncEnumerable<T> stream)
    {
        var count = 0;
        await foreach (var item in stream)
        {
            count++;
        }

        return count;
    }

    private static IEnumerable<CorpusCase> Target<TEnum>(string name, string field, TEnum valid, StoreEffect validEffect, Func<Task>? arrange, Func<TEnum, Task> act)
        where TEnum : struct, Enum
    {
        var pastLast = Enum.GetValues<TEnum>().Length;
        foreach (var value in new[] { 99, -1, int.MaxValue, pastLast })
        {
            var undefined = (TEnum)Enum.ToObject(typeof(TEnum), value);
            yield return new CorpusCase
            {
                Category = Category,
                Name = string.Create(CultureInfo.InvariantCulture, $"{name} ← ({typeof(TEnum).Name}){value}"),
                Expect = Expect.Invalid(field, "undefined-value"),
                Arrange = arrange,
                Act = CorpusCase.Call(() => act(undefined)),
            };
        }

        yield return new CorpusCase
        {
            Category = Category,
            Name = $"{name} ← {typeof(TEnum).Name}.{valid}",
            Expect = validEffect switch
            {
                StoreEffect.Writes => Expect.Accepted(),
                StoreEffect.None => Expect.AcceptedWithoutWrite(),
                _ => Expect.AcceptedAnyEffect(),
            },
            Arrange = arrange,
            Act = CorpusCase.Call(() => act(valid)),
        };
    }
}
