using System.Diagnostics;
using System.Globalization;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Tickets;
using FsCheck;
using FsCheck.Fluent;

namespace Crm.Sdk.Specification.Tests.Crm.HostileInput;

/// <summary>
/// Tokens cancelled at generated points of every kind of write: before the call, from inside the call (on the n-th
/// read of the clock, that is, at a point that depends on how far the call got), from another thread after a generated
/// fraction of the call's measured duration, by a <see cref="CancellationTokenSource.CancelAfter(int)"/> timer, and, for
/// every operation, from the SDK's telemetry as its commit starts and right after its commit wrote. The
/// contract: a call that threw <see cref="OperationCanceledException"/> wrote nothing; a call that wrote returned
/// normally (and its change is there).
/// </summary>
internal static class CancellationCases
{
    /// <summary>The category.</summary>
    public const string Category = "cancellation";

    private enum Mode
    {
        Before,
        ClockRead,
        Spin,
        Timer,
        CommitStarting,
        Committed,
    }

    /// <summary>Measures each operation uncancelled, then builds the cases.</summary>
    /// <param name="w">The world.</param>
    /// <returns>The cases.</returns>
    public static async Task<IEnumerable<CorpusCase>> CasesAsync(CorpusWorld w)
    {
        var operations = Operations(w);
        var cases = new List<CorpusCase>();
        var points = Gen.Frequency(
            (1, Gen.Constant((Mode.Before, 0))),
            (4, Gen.Choose(1, 10).Select(n => (Mode.ClockRead, n))),
            (4, Gen.Choose(0, 120).Select(percent => (Mode.Spin, percent))),
            (1, Gen.Choose(0, 2).Select(ms => (Mode.Timer, ms))));
        for (var o = 0; o < operations.Length; o++)
        {
            var operation = operations[o];

            // The call's duration uncancelled (the slower of two runs), to spread the spinning canceller over it.
            var duration = TimeSpan.Zero;
            for (var run = 0; run < 2; run++)
            {
                var state = await operation.Arrange();
                var started = Stopwatch.GetTimestamp();
                await operation.Act(state, CancellationToken.None);
                duration = TimeSpan.FromTicks(Math.Max(duration.Ticks, Stopwatch.GetElapsedTime(started).Ticks));
            }

            foreach (var (mode, parameter) in w.Sample(points, 12, stream: 500 + o).Append((Mode.CommitStarting, 0)).Append((Mode.Committed, 0)))
            {
                object? state = null;
                var label = mode switch
                {
                    Mode.Before => "a token cancelled before the call",
                    Mode.ClockRead => string.Create(CultureInfo.InvariantCulture, $"a token cancelled from inside the call, on clock read {parameter}"),
                    Mode.Spin => string.Create(CultureInfo.InvariantCulture, $"a token cancelled by another thread after {parameter}% of the call's duration ({duration.TotalMilliseconds:0.00} ms)"),
                    Mode.CommitStarting => "a token cancelled as the commit starts (crm.commit activity started)",
                    Mode.Committed => "a token cancelled right after the commit wrote (crm.documents.written recorded)",
                    _ => string.Create(CultureInfo.InvariantCulture, $"CancelAfter({parameter} ms)"),
                };
                cases.Add(new CorpusCase
                {
                    Category = Category,
                    Name = $"{operation.Name} ← {label}",
                    Expect = Expect.Accepted() | Expect.Throws<OperationCanceledException>("OperationCanceledException (nothing written)"),
                    Arrange = async () => state = await operation.Arrange(),
                    Act = async () =>
                    {
                        using var source = new CancellationTokenSource();
                        Task canceller = Task.CompletedTask;
                        switch (mode)
                        {
                            case Mode.Before:
                                await source.CancelAsync();
                                break;
                            case Mode.ClockRead:
                                w.Host.Clock.OnRead(parameter, source.Cancel);
                                break;
                            case Mode.CommitStarting:
                                CommitHooks.OnCommitStarting(source.Cancel);
                                break;
                            case Mode.Committed:
                                CommitHooks.OnCommitted(source.Cancel);
                                break;
                            case Mode.Spin:
                                var target = duration * parameter / 100;
                                var started = Stopwatch.GetTimestamp();
                                canceller = Task.Run(() =>
                                {
                                    while (Stopwatch.GetElapsedTime(started) < target)
                                    {
                                        Thread.SpinWait(16);
                                    }

                                    source.Cancel();
                                });
                                break;
                            default:
                                source.CancelAfter(parameter);
                                break;
                        }

                        try
                        {
                            return await operation.Act(state, source.Token);
                        }
                        finally
                        {
                            CommitHooks.Clear();
                            w.Host.Clock.Clear();
                            await canceller;
                        }
                    },
                    Verify = result => operation.Verify(state, result),
                });
            }
        }

        return cases;
    }

    private static Operation[] Operations(CorpusWorld w)
    {
        var crm = w.Crm;
        var a = w.A.Id;
        static Task<object?> None() => Task.FromResult<object?>(null);
        return
        [
            new(
                "Customers.CreateAsync",
                None,
                async (_, token) => await crm.Customers.CreateAsync(w.PersonDraft() with { Emails = [$"c{w.Unique()}@example.com"], Phones = ["+86 138 0013 8000"], Tags = ["cancel"] }, token),
                async (_, result) => await crm.Customers.FindAsync(((Customer)result!).Id) is null ? "the created customer is not there" : null),
            new(
                "Customers.UpdateAsync",
                async () => await w.NewCustomerAsync(),
                async (state, token) =>
                {
                    var customer = (Customer)state!;
                    customer.Rename($"Renamed {w.Unique()}");
                    customer.AddTag("renamed");
                    await crm.Customers.UpdateAsync(customer, token);
                    return customer;
                },
                async (state, _) => (await crm.Customers.GetAsync(((Customer)state!).Id)).Tags.Contains("renamed") ? null : "the update is not there"),
            new(
                "Customers.AssignOwnerAsync",
                async () => await w.NewCustomerAsync(),
                async (state, token) => await crm.Customers.AssignOwnerAsync(((Customer)state!).Id, "rep-cancel", token),
                async (state, _) => (await crm.Customers.GetAsync(((Customer)state!).Id)).OwnerId == "rep-cancel" ? null : "the owner is not there"),
            new(
                "Customers.DeleteAsync (with interactions and a ticket)",
                async () => await NewCustomerWithHistoryAsync(w),
                async (state, token) =>
                {
                    await crm.Customers.DeleteAsync(((Customer)state!).Id, token);
                    return null;
                },
                async (state, _) => await crm.Customers.FindAsync(((Customer)state!).Id) is null ? null : "the customer is still there"),
            new(
                "Customers.EraseAsync (with interactions and a ticket)",
                async () => await NewCustomerWithHistoryAsync(w),
                async (state, token) =>
                {
                    await crm.Customers.EraseAsync(((Customer)state!).Id, token);
                    return null;
                },
                async (state, _) => (await crm.Customers.GetAsync(((Customer)state!).Id)).IsErased ? null : "the customer is not erased"),
            new(
                "Interactions.CreateAsync",
                None,
                async (_, token) => await crm.Interactions.CreateAsync(InteractionDraft.Email(a, InteractionDirection.Inbound, "Cancelled?", "Body"), token),
                async (_, result) => await crm.Interactions.FindAsync(((Interaction)result!).Id) is null ? "the interaction is not there" : null),
            new(
                "Interactions.CreateManyAsync (8 drafts)",
                None,
                async (_, token) => await crm.Interactions.CreateManyAsync(Enumerable.Range(0, 8).Select(i => InteractionDraft.Note(a, $"Batch {i}")).ToArray(), token),
                async (_, result) =>
                {
                    foreach (var interaction in (IReadOnlyList<Interaction>)result!)
                    {
                        if (await crm.Interactions.FindAsync(interaction.Id) is null)
                        {
                            return "an interaction of the batch is not there";
                        }
                    }

                    return null;
                }),
            new(
                "Interactions.LinkToDealAsync",
                async () => await crm.Interactions.CreateAsync(InteractionDraft.Note(a, "To link")),
                async (state, token) => await crm.Interactions.LinkToDealAsync(((Interaction)state!).Id, w.DealA.Id, token),
                async (state, _) => (await crm.Interactions.GetAsync(((Interaction)state!).Id)).DealId == w.DealA.Id ? null : "the link is not there"),
            new(
                "ICrmUnitOfWork.CommitAsync (customer, note, deal, ticket)",
                None,
                async (_, token) =>
                {
                    var uow = crm.BeginUnitOfWork();
                    var customer = await uow.CreateCustomerAsync(w.PersonDraft(), token);
                    await uow.CreateInteractionAsync(InteractionDraft.Note(customer.Id, "In the unit"), token);
                    await uow.CreateDealAsync(w.DealDraft(customer.Id), token);
                    await uow.CreateTicketAsync(CorpusWorld.TicketDraft(customer.Id), token);
                    await uow.CommitAsync(token);
                    return customer;
                },
                async (_, result) => await crm.Customers.FindAsync(((Customer)result!).Id) is null ? "the unit's customer is not there" : null),
            new(
                "Deals.CreateAsync",
                None,
                async (_, token) => await crm.Deals.CreateAsync(w.DealDraft(a), token),
                async (_, result) => await crm.Deals.FindAsync(((Deal)result!).Id) is null ? "the deal is not there" : null),
            new(
                "Deals.WinAsync",
                async () => await crm.Deals.CreateAsync(w.DealDraft(a)),
                async (state, token) => await crm.Deals.WinAsync(((Deal)state!).Id, token),
                async (state, _) => (await crm.Deals.GetAsync(((Deal)state!).Id)).Status == DealStatus.Won ? null : "the deal is not won"),
            new(
                "Tickets.ChangeStatusAsync",
                async () => await w.NewTicketAsync(),
                async (state, token) => await crm.Tickets.ChangeStatusAsync(((Ticket)state!).Id, TicketStatus.Resolved, token),
                async (state, _) => (await crm.Tickets.GetAsync(((Ticket)state!).Id)).Status == TicketStatus.Resolved ? null : "the ticket is not resolved"),
            new(
                "Tickets.AddCommentAsync",
                async () => await w.NewTicketAsync(),
                async (state, token) => await crm.Tickets.AddCommentAsync(((Ticket)state!).Id, "agent-1", "Working on it", cancellationToken: token),
                async (state, _) => (await crm.Tickets.GetAsync(((Ticket)state!).Id)).Comments.Count == 1 ? null : "the comment is not there"),
            new(
                "Pipelines.CreateAsync",
                None,
                async (_, token) => await crm.Pipelines.CreateAsync(CorpusWorld.PipelineDraft($"Cancel {w.Unique()}"), token),
                async (_, result) => await crm.Pipelines.FindAsync(((Pipeline)result!).Id) is null ? "the pipeline is not there" : null),
        ];
    }

    private static async Task<object?> NewCustomerWithHistoryAsync(CorpusWorld w)
    {
        var customer = await w.NewCustomerAsync();
        await w.Crm.Interactions.CreateManyAsync([InteractionDraft.Note(customer.Id, "One"), InteractionDraft.Email(customer.Id, InteractionDirection.Inbound, "Two", "Personal body")]);
        await w.Crm.Tickets.CreateAsync(CorpusWorld.TicketDraft(customer.Id, "Personal subject"));
        return customer;
    }

    private sealed record Operation(
        string Name,
        Func<Task<object?>> Arrange,
        Func<object?, CancellationToken, Task<object?>> Act,
        Func<object?, object?, Task<string?>> Check)
    {
        public Task<string?> Verify(object? state, object? result) => Check(state, result);
    }
}
