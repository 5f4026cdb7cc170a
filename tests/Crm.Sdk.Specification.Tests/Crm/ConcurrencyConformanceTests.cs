using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Specification.Tests.Storage;
using Crm.Sdk.Testing;
using Crm.Sdk.Tickets;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>Optimistic concurrency over a real database: of two saves of the same version exactly one wins, and nothing is lost silently.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class ConcurrencyConformanceTests<TFixture>(TFixture fixture) : CrmConformanceTestBase<TFixture>(fixture)
    where TFixture : StoreFixture
{
    /// <summary>Two updates of version 1 saved in parallel through one CRM: one wins, the other gets the versions and can retry.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual Task Parallel_updates_of_one_customer_through_one_crm_let_exactly_one_win() =>
        ParallelUpdatesLetExactlyOneWinAsync(Crm, Crm);

    /// <summary>The same through two CRMs (two service providers, two store instances) over one database, as two processes would.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual Task Parallel_updates_of_one_customer_through_two_crms_let_exactly_one_win() =>
        ParallelUpdatesLetExactlyOneWinAsync(Crm, OpenSecondCrm());

    /// <summary>
    /// CRMs starting over a database (their schema set-up) while another process keeps committing to the same tables:
    /// every start and every commit succeeds, none deadlocks.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Starting_while_another_crm_commits_succeeds()
    {
        var first = await Crm.Customers.CreateAsync(TestDrafts.Customer("Writer 0"));
        using var stop = new CancellationTokenSource();
        var writes = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested || writes == 0)
            {
                await Crm.Interactions.CreateManyAsync([TestDrafts.Interaction(first.Id), TestDrafts.Interaction(first.Id)]);
                writes++;
            }
        });

        var starts = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => Task.Run(async () =>
            (await OpenSecondCrm().Customers.CreateAsync(TestDrafts.Customer($"Starter {i}"))).Id)));
        await stop.CancelAsync();
        await writer;

        Assert.Equal(4, starts.Distinct().Count());
        Assert.True(writes > 0);
        Assert.Equal(writes * 2, (await Crm.Customers.GetSummaryAsync(first.Id)).InteractionCounts.Values.Sum());
    }

    /// <summary>A deal saved from a stale copy is refused with the versions; the stored deal keeps the newer change.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Stale_deal_and_ticket_updates_are_refused()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Buyer"));
        var pipeline = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
        var deal = await Crm.Deals.CreateAsync(TestDrafts.Deal(customer.Id, pipeline));
        var staleDeal = await Crm.Deals.GetAsync(deal.Id);
        await Crm.Deals.MoveToStageAsync(deal.Id, pipeline.Stages[1].Id);
        staleDeal.Rename("Stale name");

        var dealConflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Crm.Deals.UpdateAsync(staleDeal));
        Assert.Equal((1L, 2L), (dealConflict.ExpectedVersion, dealConflict.ActualVersion));
        var storedDeal = await Crm.Deals.GetAsync(deal.Id);
        Assert.Equal(pipeline.Stages[1].Id, storedDeal.StageId);
        Assert.Equal(deal.Name, storedDeal.Name);

        var ticket = await Crm.Tickets.CreateAsync(TestDrafts.Ticket(customer.Id));
        var staleTicket = await Crm.Tickets.GetAsync(ticket.Id);
        await Crm.Tickets.AssignAsync(ticket.Id, "agent-1");
        staleTicket.Assign("agent-2");
        var ticketConflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Crm.Tickets.UpdateAsync(staleTicket));
        Assert.Equal((1L, 2L), (ticketConflict.ExpectedVersion, ticketConflict.ActualVersion));
        Assert.Equal("agent-1", (await Crm.Tickets.GetAsync(ticket.Id)).AssigneeId);
    }

    /// <summary>Updating a customer deleted meanwhile is a conflict (or not found), never a silent resurrection.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Updating_a_deleted_customer_does_not_bring_it_back()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Deleted"));
        var copy = await Crm.Customers.GetAsync(customer.Id);
        await Crm.Customers.DeleteAsync(customer.Id);
        copy.AddTag("late");

        var ex = await Record.ExceptionAsync(() => Crm.Customers.UpdateAsync(copy));

        Assert.True(ex is ConcurrencyConflictException or EntityNotFoundException, $"Expected a conflict or not found, got {ex?.GetType().Name ?? "nothing"}.");
        Assert.Null(await Crm.Customers.FindAsync(customer.Id));
    }

    /// <summary>
    /// 8 writers, each its own read-modify-write loop with retry on conflict, increment counters of 3 customers 25 times
    /// each, half of them through a second CRM over the same database: every increment is in the final counters (no
    /// update is lost), every version step is one increment, and every failed save was a typed
    /// <see cref="ConcurrencyConflictException"/>. The first round makes all writers read the same version before any
    /// saves, so at least seven conflicts happen on every provider, however well it serializes the rest.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Concurrent_writers_with_retry_lose_no_increment_and_see_only_typed_conflicts()
    {
        const int Writers = 8;
        const int IncrementsPerWriter = 25;
        const int MaxAttempts = 1_000;
        var crms = new[] { Crm, OpenSecondCrm() };
        var customers = new List<CustomerId>();
        foreach (var name in new[] { "Counter A", "Counter B", "Counter C" })
        {
            var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer(name));
            customer.SetCustomField("counter", CustomFieldValue.Number(0));
            await Crm.Customers.UpdateAsync(customer);
            customers.Add(customer.Id);
        }

        var successes = new int[customers.Count];
        var conflicts = 0;
        var firstRoundRead = 0;
        var everyoneRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var unexpected = new System.Collections.Concurrent.ConcurrentQueue<Exception>();

        async Task WriterAsync(int writer)
        {
            var crm = crms[writer % crms.Length];
            for (var i = 0; i < IncrementsPerWriter; i++)
            {
                // The first round all on the first customer; then spread over the three.
                var target = i == 0 ? 0 : (writer + i) % customers.Count;
                for (var attempt = 1; ; attempt++)
                {
                    Assert.True(attempt <= MaxAttempts, $"Writer {writer} could not save after {MaxAttempts} attempts.");
                    var customer = await crm.Customers.GetAsync(customers[target]);
                    if (i == 0 && attempt == 1)
                    {
                        // Every writer holds the same version of the first customer before anyone saves.
                        if (Interlocked.Increment(ref firstRoundRead) == Writers)
                        {
                            everyoneRead.SetResult();
                        }

                        await everyoneRead.Task;
                    }

                    var counter = ((NumberFieldValue)customer.CustomFields["counter"]).Value;
                    customer.SetCustomField("counter", CustomFieldValue.Number(counter + 1));
                    try
                    {
                        await crm.Customers.UpdateAsync(customer);
                        Interlocked.Increment(ref successes[target]);
                        break;
                    }
                    catch (ConcurrencyConflictException conflict)
                    {
                        Interlocked.Increment(ref conflicts);
                        Assert.Equal(customers[target].ToString(), conflict.Id);
                        Assert.True(conflict.ActualVersion is null || conflict.ActualVersion > conflict.ExpectedVersion, $"A conflict reported stored version {conflict.ActualVersion} for expected {conflict.ExpectedVersion}.");
                    }
                    catch (Exception ex)
                    {
                        unexpected.Enqueue(ex);
                        throw;
                    }
                }
            }
        }

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriterAsync(w))).ToArray();
        await Task.WhenAll(writers);

        Assert.Empty(unexpected);
        Assert.Equal(Writers * IncrementsPerWriter, successes.Sum());
        for (var c = 0; c < customers.Count; c++)
        {
            var stored = await Crm.Customers.GetAsync(customers[c]);
            Assert.Equal(new NumberFieldValue(successes[c]), stored.CustomFields["counter"]);

            // Created at 1, counter set at 2, then exactly one version per successful increment.
            Assert.Equal(2 + successes[c], stored.Version);
        }

        // Seven of the eight writers of the first round saved a version another writer had already replaced.
        Assert.True(conflicts >= Writers - 1, $"Expected at least {Writers - 1} conflicts, saw {conflicts}.");
    }

    private static async Task ParallelUpdatesLetExactlyOneWinAsync(ICrm first, ICrm second)
    {
        var created = await first.Customers.CreateAsync(TestDrafts.Customer("Contended"));
        var a = await first.Customers.GetAsync(created.Id);
        var b = await second.Customers.GetAsync(created.Id);
        Assert.Equal((1L, 1L), (a.Version, b.Version));
        a.AddTag("from-a");
        a.AssignOwner("rep-a");
        b.AddTag("from-b");
        b.ChangeLifecycleStage(LifecycleStage.Customer);

        using var start = new ManualResetEventSlim();
        var saveA = Task.Run(async () => { start.Wait(); await first.Customers.UpdateAsync(a); });
        var saveB = Task.Run(async () => { start.Wait(); await second.Customers.UpdateAsync(b); });
        start.Set();
        var outcomes = await Task.WhenAll(Outcome(saveA), Outcome(saveB));

        Assert.Single(outcomes, o => o is null);
        var conflict = Assert.IsType<ConcurrencyConflictException>(Assert.Single(outcomes, o => o is not null));
        Assert.Equal(1, conflict.ExpectedVersion);
        Assert.Equal(2, conflict.ActualVersion);
        Assert.Equal(created.Id.ToString(), conflict.Id);
        var (winner, loser) = outcomes[0] is null ? (a, b) : (b, a);
        Assert.Equal(2, winner.Version);
        Assert.Equal(1, loser.Version);

        var stored = await first.Customers.GetAsync(created.Id);
        Assert.Equal(2, stored.Version);
        Assert.Equal(winner.Tags, stored.Tags);
        Assert.Equal(winner.OwnerId, stored.OwnerId);
        Assert.Equal(winner.LifecycleStage, stored.LifecycleStage);

        var retry = await (ReferenceEquals(loser, a) ? first : second).Customers.GetAsync(created.Id);
        if (ReferenceEquals(loser, a))
        {
            retry.AddTag("from-a");
            retry.AssignOwner("rep-a");
        }
        else
        {
            retry.AddTag("from-b");
            retry.ChangeLifecycleStage(LifecycleStage.Customer);
        }

        await (ReferenceEquals(loser, a) ? first : second).Customers.UpdateAsync(retry);
        var merged = await first.Customers.GetAsync(created.Id);
        Assert.Equal(3, merged.Version);
        Assert.Equal(["from-a", "from-b"], merged.Tags.Order(StringComparer.Ordinal));
        Assert.Equal("rep-a", merged.OwnerId);
        Assert.Equal(LifecycleStage.Customer, merged.LifecycleStage);
    }

    /// <summary>
    /// A customer deleted while another CRM (as another process would) records interactions for it in a loop leaves no
    /// orphan: afterwards no interaction of that customer exists, every record call either succeeded (and its
    /// interaction went with the customer) or failed with <see cref="EntityNotFoundException"/> naming the customer, and
    /// every call started after the delete returned failed. The invariant is asserted, not the interleaving.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Deleting_a_customer_while_interactions_are_recorded_for_it_leaves_no_orphan()
    {
        const int MaxCalls = 10_000;
        const int RecordsBeforeDelete = 5;
        var recorder = OpenSecondCrm();
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Leaving"));
        var recorded = new List<InteractionId>();
        var refused = new List<EntityNotFoundException>();
        var startedAfterDelete = new List<Exception?>();
        var enoughRecorded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var delete = Task.Run(async () =>
        {
            await enoughRecorded.Task;
            await Crm.Customers.DeleteAsync(customer.Id);
        });

        // Bounded: once the delete has returned, the next call must fail and ends the loop.
        for (var call = 0; call < MaxCalls; call++)
        {
            var deleteDone = delete.IsCompleted;
            try
            {
                var interaction = await recorder.Interactions.CreateAsync(TestDrafts.Interaction(customer.Id));
                recorded.Add(interaction.Id);
                if (deleteDone)
                {
                    startedAfterDelete.Add(null);
                }
            }
            catch (EntityNotFoundException ex)
            {
                refused.Add(ex);
                if (deleteDone)
                {
                    startedAfterDelete.Add(ex);
                }

                break;
            }

            if (recorded.Count == RecordsBeforeDelete)
            {
                enoughRecorded.SetResult();
            }

            if (recorded.Count >= RecordsBeforeDelete)
            {
                // A pause between calls, as a real recorder has: SQLite does not queue waiting writers, so a loop of
                // back-to-back commits could keep the deleting writer's lock retries out until the bound is reached.
                await Task.Delay(1);
            }
        }

        await delete;
        Assert.True(recorded.Count >= RecordsBeforeDelete);
        var notFound = Assert.Single(refused);
        Assert.Equal((nameof(Customer), customer.Id.ToString()), (notFound.EntityType, notFound.Id));
        Assert.All(startedAfterDelete, Assert.NotNull);
        Assert.Null(await Crm.Customers.FindAsync(customer.Id));
        Assert.Empty((await Crm.Interactions.ListAsync(InteractionFilter.ForCustomer(customer.Id), PageRequest.First)).Items);
        foreach (var id in recorded)
        {
            await Assert.ThrowsAsync<EntityNotFoundException>(() => recorder.Interactions.GetAsync(id));
        }

        // A late record call, as after the loop, is refused too.
        await Assert.ThrowsAsync<EntityNotFoundException>(() => recorder.Interactions.CreateAsync(TestDrafts.Interaction(customer.Id)));
    }

    private static async Task<Exception?> Outcome(Task save)
    {
        try
        {
            await save;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
