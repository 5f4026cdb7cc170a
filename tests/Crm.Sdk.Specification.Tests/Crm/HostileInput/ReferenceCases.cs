using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Tickets;

namespace Crm.Sdk.Specification.Tests.Crm.HostileInput;

/// <summary>
/// References to missing records, to records of another customer, and <c>default</c> ids; null arguments; a unit of
/// work used after its commit; a stale update. Drafts that carry a reference run three ways: alone through the service,
/// in a unit of work after a valid note, and in <see cref="IInteractionService.CreateManyAsync"/> after a valid note.
/// </summary>
internal static class ReferenceCases
{
    /// <summary>The category.</summary>
    public const string Category = "references";

    private static readonly string[] EmptyIdRules = ["id-empty", "invalid-id", "required"];

    /// <summary>The cases.</summary>
    /// <param name="w">The world.</param>
    /// <returns>The cases.</returns>
    public static IEnumerable<CorpusCase> Cases(CorpusWorld w)
    {
        var crm = w.Crm;
        var a = w.A.Id;
        CorpusCase Case(string name, Expect expect, Func<Task<object?>> act, Func<Task>? arrange = null) =>
            new() { Category = Category, Name = name, Expect = expect, Act = act, Arrange = arrange };

        // Interaction drafts that name a deal, a ticket or a customer.
        (string Label, Func<InteractionDraft> Draft, Expect Expect)[] drafts =
        [
            ("DealId of a missing deal", () => InteractionDraft.Note(a, "Linked") with { DealId = CorpusWorld.Missing<Deal>() }, Expect.NotFound()),
            ("DealId of another customer's deal", () => InteractionDraft.Note(a, "Linked") with { DealId = w.DealB.Id }, Expect.DomainRule("other-customer")),
            ("DealId default", () => InteractionDraft.Note(a, "Linked") with { DealId = default(DealId) }, Expect.Invalid("DealId", EmptyIdRules)),
            ("DealId of the customer's own deal", () => InteractionDraft.Note(a, "Linked") with { DealId = w.DealA.Id }, Expect.Accepted()),
            ("TicketId of a missing ticket", () => InteractionDraft.Note(a, "Linked") with { TicketId = CorpusWorld.Missing<Ticket>() }, Expect.NotFound()),
            ("TicketId of another customer's ticket", () => InteractionDraft.Note(a, "Linked") with { TicketId = w.TicketB.Id }, Expect.DomainRule("other-customer")),
            ("TicketId default", () => InteractionDraft.Note(a, "Linked") with { TicketId = default(TicketId) }, Expect.Invalid("TicketId", EmptyIdRules)),
            ("TicketId of the customer's own ticket", () => InteractionDraft.Note(a, "Linked") with { TicketId = w.TicketA.Id }, Expect.Accepted()),
            ("CustomerId of a missing customer", () => InteractionDraft.Note(CorpusWorld.Missing<Customer>(), "Orphan"), Expect.NotFound()),
            ("CustomerId default", () => InteractionDraft.Note(default, "Orphan"), Expect.Invalid("CustomerId", EmptyIdRules)),
        ];
        foreach (var (label, draft, expect) in drafts)
        {
            yield return Case($"Interactions.CreateAsync ← {label}", expect, CorpusCase.Call(() => crm.Interactions.CreateAsync(draft())));
            yield return Case($"ICrmUnitOfWork (a valid note, then) CreateInteractionAsync + CommitAsync ← {label}", expect, CorpusCase.Call(async () =>
            {
                var uow = crm.BeginUnitOfWork();
                await uow.CreateInteractionAsync(InteractionDraft.Note(a, "Companion"));
                await uow.CreateInteractionAsync(draft());
                await uow.CommitAsync();
            }));
            yield return Case($"Interactions.CreateManyAsync([valid note, draft]) ← {label}", expect, CorpusCase.Call(() =>
                crm.Interactions.CreateManyAsync([InteractionDraft.Note(a, "Companion"), draft()])));
        }

        // Linking an existing interaction.
        (string Label, Func<Task> Link, Expect Expect)[] links =
        [
            ("LinkToDealAsync(note of A, missing deal)", () => crm.Interactions.LinkToDealAsync(w.NoteA.Id, CorpusWorld.Missing<Deal>()), Expect.NotFound()),
            ("LinkToDealAsync(note of A, deal of B)", () => crm.Interactions.LinkToDealAsync(w.NoteA.Id, w.DealB.Id), Expect.DomainRule("other-customer")),
            ("LinkToDealAsync(note of A, default)", () => crm.Interactions.LinkToDealAsync(w.NoteA.Id, default), Expect.Invalid("dealId", EmptyIdRules)),
            ("LinkToDealAsync(missing note, deal of A)", () => crm.Interactions.LinkToDealAsync(CorpusWorld.Missing<Interaction>(), w.DealA.Id), Expect.NotFound()),
            ("LinkToDealAsync(default, deal of A)", () => crm.Interactions.LinkToDealAsync(default, w.DealA.Id), Expect.Invalid("id", EmptyIdRules)),
            ("LinkToDealAsync(note of B, deal of B)", () => crm.Interactions.LinkToDealAsync(w.NoteB.Id, w.DealB.Id), Expect.AcceptedAnyEffect()),
            ("LinkToTicketAsync(note of A, missing ticket)", () => crm.Interactions.LinkToTicketAsync(w.NoteA.Id, CorpusWorld.Missing<Ticket>()), Expect.NotFound()),
            ("LinkToTicketAsync(note of A, ticket of B)", () => crm.Interactions.LinkToTicketAsync(w.NoteA.Id, w.TicketB.Id), Expect.DomainRule("other-customer")),
            ("LinkToTicketAsync(note of A, default)", () => crm.Interactions.LinkToTicketAsync(w.NoteA.Id, default), Expect.Invalid("ticketId", EmptyIdRules)),
            ("LinkToTicketAsync(missing note, ticket of A)", () => crm.Interactions.LinkToTicketAsync(CorpusWorld.Missing<Interaction>(), w.TicketA.Id), Expect.NotFound()),
            ("LinkToTicketAsync(default, ticket of A)", () => crm.Interactions.LinkToTicketAsync(default, w.TicketA.Id), Expect.Invalid("id", EmptyIdRules)),
            ("LinkToTicketAsync(note of A, ticket of A)", () => crm.Interactions.LinkToTicketAsync(w.NoteA.Id, w.TicketA.Id), Expect.AcceptedAnyEffect()),
        ];
        foreach (var (label, link, expect) in links)
        {
            yield return Case($"Interactions.{label}", expect, CorpusCase.Call(link));
        }

        // Deals on missing or foreign pipelines, stages and customers.
        var otherStage = w.Q.Stages[1].Id;
        var wonStage = w.P.WonStage.Id;
        string[] stageFields = ["InitialStageId", "StageId"];
        var stageMissing = Expect.Invalid(stageFields, "stage-not-in-pipeline") | Expect.DomainRule("stage-not-in-pipeline") | Expect.NotFound();
        (string Label, Func<DealDraft> Draft, Expect Expect)[] deals =
        [
            ("PipelineId of a missing pipeline", () => w.DealDraft(a) with { PipelineId = CorpusWorld.Missing<Pipeline>() }, Expect.NotFound()),
            ("PipelineId default", () => w.DealDraft(a) with { PipelineId = default }, Expect.Invalid("PipelineId", EmptyIdRules)),
            ("InitialStageId of a missing stage", () => w.DealDraft(a) with { InitialStageId = CorpusWorld.Missing<PipelineStage>() }, stageMissing),
            ("InitialStageId of a stage of another pipeline", () => w.DealDraft(a) with { InitialStageId = otherStage }, stageMissing),
            ("InitialStageId default", () => w.DealDraft(a) with { InitialStageId = default(StageId) }, Expect.Invalid(stageFields, [.. EmptyIdRules, "stage-not-in-pipeline"])),
            ("InitialStageId of the won stage", () => w.DealDraft(a) with { InitialStageId = wonStage }, Expect.Invalid(stageFields, "stage-not-open")),
            ("CustomerId of a missing customer", () => w.DealDraft(CorpusWorld.Missing<Customer>()), Expect.NotFound()),
            ("CustomerId default", () => w.DealDraft(default), Expect.Invalid("CustomerId", EmptyIdRules)),
            ("an open stage of its pipeline", () => w.DealDraft(a) with { InitialStageId = w.P.Stages[1].Id }, Expect.Accepted()),
        ];
        foreach (var (label, draft, expect) in deals)
        {
            yield return Case($"Deals.CreateAsync ← {label}", expect, CorpusCase.Call(() => crm.Deals.CreateAsync(draft())));
            yield return Case($"ICrmUnitOfWork (a valid note, then) CreateDealAsync + CommitAsync ← {label}", expect, CorpusCase.Call(async () =>
            {
                var uow = crm.BeginUnitOfWork();
                await uow.CreateInteractionAsync(InteractionDraft.Note(a, "Companion"));
                await uow.CreateDealAsync(draft());
                await uow.CommitAsync();
            }));
        }

        (string Label, Func<Task> Call, Expect Expect)[] dealCommands =
        [
            ("MoveToStageAsync(deal of A, missing stage)", () => crm.Deals.MoveToStageAsync(w.DealA.Id, CorpusWorld.Missing<PipelineStage>()), stageMissing),
            ("MoveToStageAsync(deal of A, stage of another pipeline)", () => crm.Deals.MoveToStageAsync(w.DealA.Id, otherStage), stageMissing),
            ("MoveToStageAsync(deal of A, default)", () => crm.Deals.MoveToStageAsync(w.DealA.Id, default), Expect.Invalid(stageFields, [.. EmptyIdRules, "stage-not-in-pipeline"]) | Expect.DomainRule("stage-not-in-pipeline")),
            ("MoveToStageAsync(missing deal, a stage)", () => crm.Deals.MoveToStageAsync(CorpusWorld.Missing<Deal>(), w.P.Stages[1].Id), Expect.NotFound()),
            ("MoveToStageAsync(default, a stage)", () => crm.Deals.MoveToStageAsync(default, w.P.Stages[1].Id), Expect.Invalid("id", EmptyIdRules)),
            ("WinAsync(missing deal)", () => crm.Deals.WinAsync(CorpusWorld.Missing<Deal>()), Expect.NotFound()),
            ("ReopenAsync(open deal of A)", () => crm.Deals.ReopenAsync(w.DealA.Id), Expect.DomainRule("deal-not-closed")),
            ("GetAsync(missing deal)", () => crm.Deals.GetAsync(CorpusWorld.Missing<Deal>()), Expect.NotFound()),
            ("FindAsync(missing deal)", () => crm.Deals.FindAsync(CorpusWorld.Missing<Deal>()), Expect.AcceptedWithoutWrite()),
            ("MoveToStageAsync(deal of B, its next stage)", () => crm.Deals.MoveToStageAsync(w.DealB.Id, w.P.Stages[1].Id), Expect.AcceptedAnyEffect()),
        ];
        foreach (var (label, call, expect) in dealCommands)
        {
            yield return Case($"Deals.{label}", expect, CorpusCase.Call(call));
        }

        // Tickets, customers and pipelines by missing or default ids.
        (string Label, Func<Task> Call, Expect Expect)[] lookups =
        [
            ("Tickets.CreateAsync(missing customer)", () => crm.Tickets.CreateAsync(CorpusWorld.TicketDraft(CorpusWorld.Missing<Customer>())), Expect.NotFound()),
            ("Tickets.CreateAsync(default customer)", () => crm.Tickets.CreateAsync(CorpusWorld.TicketDraft(default)), Expect.Invalid("CustomerId", EmptyIdRules)),
            ("Tickets.ChangeStatusAsync(missing ticket)", () => crm.Tickets.ChangeStatusAsync(CorpusWorld.Missing<Ticket>(), TicketStatus.Open), Expect.NotFound()),
            ("Tickets.ChangeStatusAsync(default)", () => crm.Tickets.ChangeStatusAsync(default, TicketStatus.Open), Expect.Invalid("id", EmptyIdRules)),
            ("Tickets.RateAsync(new ticket, 5)", () => crm.Tickets.RateAsync(w.TicketA.Id, 5), Expect.DomainRule("ticket-not-resolved")),
            ("Tickets.AddCommentAsync(missing ticket)", () => crm.Tickets.AddCommentAsync(CorpusWorld.Missing<Ticket>(), "agent", "Hello"), Expect.NotFound()),
            ("Customers.GetAsync(missing)", () => crm.Customers.GetAsync(CorpusWorld.Missing<Customer>()), Expect.NotFound()),
            ("Customers.GetAsync(default)", () => crm.Customers.GetAsync(default), Expect.Invalid("id", EmptyIdRules)),
            ("Customers.FindAsync(missing)", () => crm.Customers.FindAsync(CorpusWorld.Missing<Customer>()), Expect.AcceptedWithoutWrite()),
            ("Customers.DeleteAsync(missing)", () => crm.Customers.DeleteAsync(CorpusWorld.Missing<Customer>()), Expect.NotFound()),
            ("Customers.DeleteAsync(default)", () => crm.Customers.DeleteAsync(default), Expect.Invalid("id", EmptyIdRules)),
            ("Customers.EraseAsync(missing)", () => crm.Customers.EraseAsync(CorpusWorld.Missing<Customer>()), Expect.NotFound()),
            ("Customers.EraseAsync(default)", () => crm.Customers.EraseAsync(default), Expect.Invalid("id", EmptyIdRules)),
            ("Customers.GetSummaryAsync(missing)", () => crm.Customers.GetSummaryAsync(CorpusWorld.Missing<Customer>()), Expect.NotFound()),
            ("Customers.AssignOwnerAsync(missing, owner)", () => crm.Customers.AssignOwnerAsync(CorpusWorld.Missing<Customer>(), "rep-1"), Expect.NotFound()),
            ("Customers.GetSummaryAsync(A)", () => crm.Customers.GetSummaryAsync(a), Expect.AcceptedWithoutWrite()),
            ("Pipelines.GetAsync(missing)", () => crm.Pipelines.GetAsync(CorpusWorld.Missing<Pipeline>()), Expect.NotFound()),
            ("Pipelines.GetSummaryAsync(missing)", () => crm.Pipelines.GetSummaryAsync(CorpusWorld.Missing<Pipeline>()), Expect.NotFound()),
            ("Pipelines.GetSummaryAsync(default)", () => crm.Pipelines.GetSummaryAsync(default), Expect.Invalid("id", EmptyIdRules)),
            ("Interactions.ListAsync(timeline of a missing customer)", () => crm.Interactions.ListAsync(InteractionFilter.ForCustomer(CorpusWorld.Missing<Customer>()), PageRequest.First), Expect.AcceptedWithoutWrite() | Expect.NotFound()),
            ("Interactions.ListAsync(timeline of default)", () => crm.Interactions.ListAsync(InteractionFilter.ForCustomer(default), PageRequest.First), Expect.Invalid("CustomerId", EmptyIdRules)),
        ];
        foreach (var (label, call, expect) in lookups)
        {
            yield return Case(label, expect, CorpusCase.Call(call));
        }

        // Null arguments: ArgumentNullException (or a validation error naming the missing part).
        var nullArgument = Expect.Throws<ArgumentNullException>("ArgumentNullException");
        (string Label, Func<Task> Call, Expect Expect)[] nulls =
        [
            ("Customers.CreateAsync(null)", () => crm.Customers.CreateAsync(null!), nullArgument),
            ("Customers.UpdateAsync(null)", () => crm.Customers.UpdateAsync(null!), nullArgument),
            ("Customers.ListAsync(null, page)", () => crm.Customers.ListAsync(null!, PageRequest.First), nullArgument),
            ("Customers.ListAsync(filter, null)", () => crm.Customers.ListAsync(CustomerFilter.All, null!), nullArgument),
            ("Customers.FindByEmailAsync(null)", () => crm.Customers.FindByEmailAsync(null!), nullArgument),
            ("Interactions.CreateAsync(null)", () => crm.Interactions.CreateAsync(null!), nullArgument),
            ("Interactions.CreateManyAsync(null)", () => crm.Interactions.CreateManyAsync(null!), nullArgument),
            ("Interactions.CreateManyAsync([valid note, null])", () => crm.Interactions.CreateManyAsync([InteractionDraft.Note(a, "Companion"), null!]), nullArgument | Expect.Invalid("[1]", "required")),
            ("Interactions.CreateManyAsync([])", () => crm.Interactions.CreateManyAsync([]), Expect.AcceptedWithoutWrite() | Expect.InvalidAnyRule("drafts")),
            ("Interactions.ListAsync(null, page)", () => crm.Interactions.ListAsync(null!, PageRequest.First), nullArgument),
            ("Pipelines.CreateAsync(draft with null stages)", () => crm.Pipelines.CreateAsync(new PipelineDraft { Name = "No stages", Stages = null! }), nullArgument | Expect.Invalid("Stages", "required", "open-stage-required")),
            ("Pipelines.FindByNameAsync(null)", () => crm.Pipelines.FindByNameAsync(null!), nullArgument),
            ("Deals.CreateAsync(null)", () => crm.Deals.CreateAsync(null!), nullArgument),
            ("Deals.UpdateAsync(null)", () => crm.Deals.UpdateAsync(null!), nullArgument),
            ("Tickets.CreateAsync(null)", () => crm.Tickets.CreateAsync(null!), nullArgument),
            ("Tickets.CreateAsync(draft with null subject)", () => crm.Tickets.CreateAsync(CorpusWorld.TicketDraft(a) with { Subject = null! }), nullArgument | Expect.Invalid("Subject", "required")),
            ("Tickets.AddCommentAsync(ticket of A, null author, body)", () => crm.Tickets.AddCommentAsync(w.TicketA.Id, null!, "Body"), nullArgument | Expect.Invalid("AuthorId", "required")),
            ("Customers.CreateAsync(draft with a null tag)", () => crm.Customers.CreateAsync(w.PersonDraft() with { Tags = [null!] }), nullArgument | Expect.Invalid("Tags", "required")),
            ("Customers.CreateAsync(draft with a null email)", () => crm.Customers.CreateAsync(w.PersonDraft() with { Emails = [null!] }), nullArgument | Expect.Invalid("Emails", "required")),
            ("Customers.CreateAsync(draft with a null address line)", () => crm.Customers.CreateAsync(w.PersonDraft() with { Addresses = [new PostalAddressDraft { Lines = [null!], City = "Oslo", Country = "NO" }] }), Expect.Accepted() | nullArgument | Expect.Invalid("Lines", "required")),
        ];
        foreach (var (label, call, expect) in nulls)
        {
            yield return Case(label, expect, CorpusCase.Call(call));
        }

        // A unit of work used after its commit, and a stale update.
        var reused = Expect.Throws<InvalidOperationException>("InvalidOperationException");
        (string Label, Func<ICrmUnitOfWork, Task> Call)[] afterCommit =
        [
            ("CreateCustomerAsync", uow => uow.CreateCustomerAsync(w.PersonDraft())),
            ("CreateInteractionAsync", uow => uow.CreateInteractionAsync(InteractionDraft.Note(a, "Late"))),
            ("CreateTicketAsync", uow => uow.CreateTicketAsync(CorpusWorld.TicketDraft(a))),
            ("CreateDealAsync", uow => uow.CreateDealAsync(w.DealDraft(a))),
            ("CreatePipelineAsync", uow => uow.CreatePipelineAsync(CorpusWorld.PipelineDraft($"Late {w.Unique()}"))),
            ("CommitAsync again", uow => uow.CommitAsync()),
            ("Update(customer) and CommitAsync", async uow =>
            {
                uow.Update(await crm.Customers.GetAsync(a));
                await uow.CommitAsync();
            }),
        ];
        foreach (var (label, call) in afterCommit)
        {
            ICrmUnitOfWork? uow = null;
            yield return Case($"ICrmUnitOfWork after CommitAsync: {label}", reused, CorpusCase.Call(() => call(uow!)), async () =>
            {
                uow = crm.BeginUnitOfWork();
                await uow.CreateInteractionAsync(InteractionDraft.Note(a, "Committed"));
                await uow.CommitAsync();
            });
        }

        Customer? stale = null;
        yield return Case("Customers.UpdateAsync(a stale copy)", Expect.Throws<ConcurrencyConflictException>("ConcurrencyConflictException"), CorpusCase.Call(async () =>
        {
            stale!.AssignOwner("rep-stale");
            await crm.Customers.UpdateAsync(stale);
        }), async () =>
        {
            stale = await crm.Customers.GetAsync(w.B.Id);
            await crm.Customers.AssignOwnerAsync(w.B.Id, $"rep-{w.Unique()}");
        });
    }

    /// <summary>Ticket status changes: to the current status (success, nothing changes), and transitions the workflow forbids.</summary>
    /// <param name="w">The world.</param>
    /// <returns>The cases.</returns>
    public static IEnumerable<CorpusCase> StatusCases(CorpusWorld w)
    {
        var crm = w.Crm;
        (string Label, TicketStatus[] Path)[] states =
        [
            ("New", []),
            ("Open", [TicketStatus.Open]),
            ("Pending", [TicketStatus.Pending]),
            ("Resolved", [TicketStatus.Resolved]),
            ("Closed", [TicketStatus.Closed]),
            ("Reopened", [TicketStatus.Resolved, TicketStatus.Reopened]),
        ];
        foreach (var (label, path) in states)
        {
            var current = path.Length == 0 ? TicketStatus.New : path[^1];
            foreach (var to in Enum.GetValues<TicketStatus>())
            {
                Ticket? ticket = null;
                var expect = to == current
                    ? Expect.AcceptedWithoutWrite()
                    : TicketWorkflow.CanMove(current, to)
                        ? Expect.Accepted()
                        : Expect.Throws<InvalidStatusTransitionException>("InvalidStatusTransitionException");
                yield return new CorpusCase
                {
                    Category = "status changes",
                    Name = $"Tickets.ChangeStatusAsync({label} → {to})",
                    Expect = expect,
                    Arrange = async () => ticket = await w.NewTicketAsync(path),
                    Act = CorpusCase.Call(() => crm.Tickets.ChangeStatusAsync(ticket!.Id, to)),
                    Verify = async _ =>
                    {
                        var stored = await crm.Tickets.GetAsync(ticket!.Id);
                        return stored.Status == to ? null : $"the ticket is {stored.Status}, not {to}";
                    },
                };
            }
        }
    }
}
