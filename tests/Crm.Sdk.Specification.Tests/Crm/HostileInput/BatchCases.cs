using System.Globalization;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Tickets;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Crm.Sdk.Specification.Tests.Crm.HostileInput;

/// <summary>
/// Batches with one bad element at a generated position among generated valid ones: <see cref="IInteractionService.CreateManyAsync"/>
/// and units of work mixing customers, notes, tickets, deals and pipelines. The bad element fails the batch as it
/// would fail alone (its rule, its exception), and nothing of the batch is written.
/// </summary>
internal static class BatchCases
{
    /// <summary>The category.</summary>
    public const string Category = "batches";

    private enum Companion
    {
        Customer,
        NoteOfA,
        NoteOfNewCustomer,
        TicketOfA,
        DealOfA,
        Pipeline,
    }

    /// <summary>The cases.</summary>
    /// <param name="w">The world.</param>
    /// <returns>The cases.</returns>
    public static IEnumerable<CorpusCase> Cases(CorpusWorld w)
    {
        var crm = w.Crm;
        var a = w.A.Id;

        (string Label, Func<InteractionDraft?> Draft, Expect Expect)[] badInteractions =
        [
            ("a subject with a lone surrogate", () => InteractionDraft.Note(a, "Bad \uD800 subject"), Expect.Invalid("Subject", "invalid-unicode")),
            ("a subject with a NUL", () => InteractionDraft.Note(a, "Bad \0 subject"), Expect.Invalid("Subject", "control-characters")),
            ("a 1 MiB body", () => InteractionDraft.Note(a, "Big", new string('x', HostileText.OneMebibyte)), Expect.Invalid("Body", "max-length")),
            ("an undefined kind", () => InteractionDraft.Note(a, "Kind") with { Kind = (InteractionKind)99 }, Expect.Invalid("Kind", "undefined-value")),
            ("a missing customer", () => InteractionDraft.Note(CorpusWorld.Missing<Customer>(), "Orphan"), Expect.NotFound()),
            ("a missing deal", () => InteractionDraft.Note(a, "Linked") with { DealId = CorpusWorld.Missing<Deal>() }, Expect.NotFound()),
            ("a deal of another customer", () => InteractionDraft.Note(a, "Linked") with { DealId = w.DealB.Id }, Expect.DomainRule("other-customer")),
            ("a ticket of another customer", () => InteractionDraft.Note(a, "Linked") with { TicketId = w.TicketB.Id }, Expect.DomainRule("other-customer")),
            ("a purchase of zero", () => InteractionDraft.Purchase(a, "O-0", Money.Zero("EUR")), Expect.Invalid("Amount", "amount-positive")),
            ("a purchase in ZZZ", () => InteractionDraft.Purchase(a, "O-Z", Money.Of(10m, "ZZZ")), Expect.Invalid(["Currency", "Amount"], "currency-iso4217")),
            ("a null draft", () => null, Expect.Throws<ArgumentNullException>("ArgumentNullException") | Expect.Invalid("[", "required")),
        ];
        var batches = w.Sample(
            from size in Gen.Choose(2, 10)
            from position in Gen.Choose(0, size - 1)
            from bad in Gen.Choose(0, badInteractions.Length - 1)
            from kinds in Gen.ArrayOf(Gen.Elements(InteractionKind.Note, InteractionKind.Email, InteractionKind.Call, InteractionKind.Purchase), size)
            select (Size: size, Position: position, Bad: bad, Kinds: kinds),
            44,
            stream: 600);
        foreach (var (size, position, bad, kinds) in batches)
        {
            var (label, draft, expect) = badInteractions[bad];
            yield return new CorpusCase
            {
                Category = Category,
                Name = string.Create(CultureInfo.InvariantCulture, $"Interactions.CreateManyAsync of {size} drafts, #{position} with {label}"),
                Expect = expect,
                Act = CorpusCase.Call(() => crm.Interactions.CreateManyAsync(
                    Enumerable.Range(0, size).Select(i => i == position ? draft()! : Valid(a, kinds[i], i)).ToArray())),
            };
        }

        (string Label, Func<ICrmUnitOfWork, Task> Create, Expect Expect)[] badUnits =
        [
            ("a customer whose name has a lone surrogate", uow => uow.CreateCustomerAsync(new CustomerDraft { Kind = CustomerKind.Person, DisplayName = "Bad \uDC00 name" }), Expect.Invalid("DisplayName", "invalid-unicode")),
            ("a customer with a tag holding a tab", uow => uow.CreateCustomerAsync(w.PersonDraft() with { Tags = ["bad\ttag"] }), Expect.Invalid("Tags", "control-characters")),
            ("a note naming a missing deal", uow => uow.CreateInteractionAsync(InteractionDraft.Note(a, "Linked") with { DealId = CorpusWorld.Missing<Deal>() }), Expect.NotFound()),
            ("a note naming another customer's ticket", uow => uow.CreateInteractionAsync(InteractionDraft.Note(a, "Linked") with { TicketId = w.TicketB.Id }), Expect.DomainRule("other-customer")),
            ("a deal on a missing pipeline", uow => uow.CreateDealAsync(w.DealDraft(a) with { PipelineId = CorpusWorld.Missing<Pipeline>() }), Expect.NotFound()),
            ("a deal closing on a Julian-calendar date", uow => uow.CreateDealAsync(w.DealDraft(a) with { ExpectedCloseDate = new LocalDate(2025, 1, 1, CalendarSystem.Julian) }), Expect.Invalid("ExpectedCloseDate", "iso-calendar")),
            ("a deal in ZZZ", uow => uow.CreateDealAsync(w.DealDraft(a) with { Amount = Money.Of(5m, "ZZZ") }), Expect.Invalid(["Currency", "Amount"], "currency-iso4217")),
            ("a ticket of a missing customer", uow => uow.CreateTicketAsync(CorpusWorld.TicketDraft(CorpusWorld.Missing<Customer>())), Expect.NotFound()),
            ("a ticket whose subject is a zero-width space", uow => uow.CreateTicketAsync(CorpusWorld.TicketDraft(a, "\u200B")), Expect.Invalid("Subject", "required")),
            ("a pipeline without a won stage", uow => uow.CreatePipelineAsync(CorpusWorld.PipelineDraft($"No win {w.Unique()}") with { Stages = [new PipelineStageDraft { Name = "Only", Probability = 0.5m }, new PipelineStageDraft { Name = "Lost", Probability = 0m, Outcome = StageOutcome.ClosedLost }] }), Expect.Invalid("Stages", "won-stage-required")),
        ];
        var units = w.Sample(
            from size in Gen.Choose(1, 6)
            from position in Gen.Choose(0, size)
            from bad in Gen.Choose(0, badUnits.Length - 1)
            from companions in Gen.ArrayOf(Gen.Elements(Enum.GetValues<Companion>()), size)
            select (Position: position, Bad: bad, Companions: companions),
            40,
            stream: 700);
        foreach (var (position, bad, companions) in units)
        {
            var (label, create, expect) = badUnits[bad];
            yield return new CorpusCase
            {
                Category = Category,
                Name = string.Create(CultureInfo.InvariantCulture, $"ICrmUnitOfWork with {companions.Length} valid record(s) ({string.Join(", ", companions)}) and, at #{position}, {label}"),
                Expect = expect,
                Act = CorpusCase.Call(async () =>
                {
                    var uow = crm.BeginUnitOfWork();
                    Customer? created = null;
                    for (var i = 0; i <= companions.Length; i++)
                    {
                        if (i == position)
                        {
                            await create(uow);
                        }

                        if (i == companions.Length)
                        {
                            break;
                        }

                        switch (companions[i])
                        {
                            case Companion.Customer:
                                created = await uow.CreateCustomerAsync(w.PersonDraft());
                                break;
                            case Companion.NoteOfNewCustomer when created is not null:
                                await uow.CreateInteractionAsync(InteractionDraft.Note(created.Id, "Note of a new customer"));
                                break;
                            case Companion.NoteOfA or Companion.NoteOfNewCustomer:
                                await uow.CreateInteractionAsync(InteractionDraft.Note(a, "Note of A"));
                                break;
                            case Companion.TicketOfA:
                                await uow.CreateTicketAsync(CorpusWorld.TicketDraft(a));
                                break;
                            case Companion.DealOfA:
                                await uow.CreateDealAsync(w.DealDraft(a));
                                break;
                            default:
                                await uow.CreatePipelineAsync(CorpusWorld.PipelineDraft($"Unit pipeline {w.Unique()}"));
                                break;
                        }
                    }

                    await uow.CommitAsync();
                }),
            };
        }

        // The same kinds of batch with no bad element are accepted whole.
        foreach (var (size, _, _, kinds) in batches.Take(6))
        {
            yield return new CorpusCase
            {
                Category = Category,
                Name = string.Create(CultureInfo.InvariantCulture, $"Interactions.CreateManyAsync of {size} valid drafts"),
                Expect = Expect.Accepted(),
                Act = CorpusCase.Call(() => crm.Interactions.CreateManyAsync(Enumerable.Range(0, size).Select(i => Valid(a, kinds[i], i)).ToArray())),
                Verify = async result =>
                {
                    var created = (IReadOnlyList<Interaction>)result!;
                    foreach (var interaction in created)
                    {
                        if (await crm.Interactions.FindAsync(interaction.Id) is null)
                        {
                            return "an interaction of the batch is not there";
                        }
                    }

                    return created.Count == size ? null : $"{created.Count} of {size} returned";
                },
            };
        }
    }

    private static InteractionDraft Valid(CustomerId customerId, InteractionKind kind, int i) => kind switch
    {
        InteractionKind.Email => InteractionDraft.Email(customerId, InteractionDirection.Outbound, $"Mail {i}", "Hello 😀 你好"),
        InteractionKind.Call => InteractionDraft.Call(customerId, InteractionDirection.Inbound, $"Call {i}"),
        InteractionKind.Purchase => InteractionDraft.Purchase(customerId, $"O-{i}", Money.Of(12.5m, "CNY")),
        _ => InteractionDraft.Note(customerId, $"Note {i}"),
    };
}
