using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Security;
using Crm.Sdk.Specification.Tests.Storage;
using Crm.Sdk.Testing;
using Crm.Sdk.Tickets;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>
/// Access control enforced by the SDK over a real database: every service call checks the current actor against the
/// built-in roles; lists, streams and summaries are scoped in the database query; a denied call writes nothing.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class AccessControlConformanceTests<TFixture>(TFixture fixture) : CrmConformanceTestBase<TFixture>(fixture)
    where TFixture : StoreFixture
{
    private const string Me = "mia";
    private const string TeamMate = "max";
    private const string Stranger = "oz";

    private static readonly string[] Collections = ["customers", "interactions", "pipelines", "deals", "tickets", "domain_events"];

    private readonly TestActorAccessor _actor = new();

    private int _unique;

    /// <summary>Where a record stands to the actor <c>mia</c> of team <c>north</c> (with <c>max</c>).</summary>
    public enum Target
    {
        /// <summary>Owned by the actor.</summary>
        Own,

        /// <summary>Owned by a team-mate.</summary>
        Team,

        /// <summary>Owned by someone else.</summary>
        Other,
    }

    /// <inheritdoc />
    protected override void ConfigureCrm(CrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ICrmActorAccessor>(_actor);
        builder.AddAccessControl(options => options.Teams["north"] = [Me, TeamMate]);
    }

    /// <summary>
    /// Every public service call × every built-in role × a record of the actor's, of a team-mate's and of a stranger's:
    /// allowed exactly when the role's declared level reaches the record, otherwise <see cref="AccessDeniedException"/>
    /// naming the actor, the resource and the action, with the database unchanged.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Every_call_follows_the_declared_level_of_every_built_in_role()
    {
        var roles = BuiltInRoles.Create();
        _actor.Current = CrmActor.System;
        var pipeline = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline("Matrix"));
        var allowed = 0;
        var denied = 0;
        foreach (var (roleName, role) in roles)
        {
            foreach (var target in Enum.GetValues<Target>())
            {
                _actor.Current = CrmActor.System;
                var records = await SeedAsync(OwnerOf(target), pipeline);
                foreach (var operation in Operations(records))
                {
                    var level = role.Permissions.TryGetValue(CrmRoleOptions.Key(operation.Resource, operation.Action), out var granted) ? granted : AccessLevel.None;
                    var expected = operation.Unowned ? level > AccessLevel.None : level >= Required(target);
                    _actor.Current = new CrmActor(Me, ["north"], [roleName]);
                    var because = $"{roleName} / {target} / {operation.Name} (level {level})";
                    if (expected)
                    {
                        var error = await Record.ExceptionAsync(operation.Call);
                        Assert.True(error is null, $"{because}: expected allowed, got {error}");
                        allowed++;
                    }
                    else
                    {
                        var before = await RawSnapshotAsync(Collections);
                        var error = await Assert.ThrowsAsync<AccessDeniedException>(operation.Call);
                        Assert.Equal(Me, error.ActorId);
                        Assert.Equal(operation.Resource, error.Resource);
                        Assert.Equal(operation.Action, error.Action);
                        Assert.Contains(Me, error.Message, StringComparison.Ordinal);
                        Assert.Equal(before, await RawSnapshotAsync(Collections));
                        denied++;
                    }
                }
            }
        }

        Assert.True(allowed > 100 && denied > 100, $"The matrix exercised {allowed} allowed and {denied} denied calls.");
    }

    /// <summary>
    /// Random customers and deals among a few owners: a rep's and a manager's list (every page, small pages), stream and
    /// pipeline summary hold exactly the records the in-memory filter of the same set keeps, each once.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Scoped_lists_counts_and_sums_equal_the_in_memory_filter()
    {
        string?[] owners = [Me, TeamMate, Stranger, "pat", null];
        string[] roles = [BuiltInRoles.SalesRep, BuiltInRoles.SalesManager, BuiltInRoles.SalesRep, BuiltInRoles.SalesManager, BuiltInRoles.ReadOnly];
        var gen = from roleIndex in Gen.Choose(0, roles.Length - 1)
                  from pageSize in Gen.Choose(1, 4)
                  from customers in Gen.Choose(0, 16).SelectMany(n => Gen.ArrayOf(Gen.Elements(owners), n))
                  from deals in Gen.Choose(0, 10).SelectMany(n => Gen.ArrayOf(Gen.Elements(owners), n))
                  select (Role: roles[roleIndex], PageSize: pageSize, Customers: customers, Deals: deals);
        var nonTrivialLists = 0;
        var nonTrivialSums = 0;
        var cases = gen.Sample(20, new Rnd(20251202UL), 30).ToArray();
        foreach (var (role, pageSize, customerOwners, dealOwners) in cases)
        {
            _actor.Current = CrmActor.System;
            var crm = OpenCrmOver(Fixture.NewDatabaseName(nameof(Scoped_lists_counts_and_sums_equal_the_in_memory_filter)));
            var pipeline = await crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
            var customers = new List<Customer>();
            foreach (var owner in customerOwners)
            {
                customers.Add(await crm.Customers.CreateAsync(TestDrafts.Customer($"Customer {Next()}") with { OwnerId = owner }));
            }

            var holder = await crm.Customers.CreateAsync(TestDrafts.Customer("Deal holder"));
            var deals = new List<Deal>();
            foreach (var owner in dealOwners)
            {
                deals.Add(await crm.Deals.CreateAsync(TestDrafts.Deal(holder.Id, pipeline) with { OwnerId = owner }));
            }

            _actor.Current = new CrmActor(Me, ["north"], [role]);
            HashSet<string> scope = role == BuiltInRoles.SalesRep ? [Me] : [Me, TeamMate];
            bool Visible(string? owner) => role == BuiltInRoles.ReadOnly || (owner is not null && scope.Contains(owner));

            var expectedCustomers = customers.Where(c => Visible(c.OwnerId)).Select(c => c.Id).Order().ToArray();
            if (Visible(holder.OwnerId))
            {
                expectedCustomers = [.. expectedCustomers.Append(holder.Id).Order()];
            }

            var pages = await AllPagesAsync(pageSize, page => crm.Customers.ListAsync(CustomerFilter.All, page));
            Assert.All(pages.SkipLast(1), p => Assert.Equal(pageSize, p.Items.Count));
            Assert.Equal(expectedCustomers, pages.SelectMany(p => p.Items).Select(c => c.Id).Order());
            Assert.Equal(expectedCustomers, (await crm.Customers.StreamAsync(CustomerFilter.All).ToListAsync()).Select(c => c.Id).Order());

            var expectedDeals = deals.Where(d => Visible(d.OwnerId)).Select(d => d.Id).Order().ToArray();
            var dealPages = await AllPagesAsync(pageSize, page => crm.Deals.ListAsync(DealFilter.All, page));
            Assert.All(dealPages.SkipLast(1), p => Assert.Equal(pageSize, p.Items.Count));
            Assert.Equal(expectedDeals, dealPages.SelectMany(p => p.Items).Select(d => d.Id).Order());
            var summary = await crm.Pipelines.GetSummaryAsync(pipeline.Id);
            Assert.Equal(expectedDeals.Length, summary.Stages.Sum(s => s.DealCount));
            Assert.Equal(expectedDeals.Length * 1000m, summary.Stages.SelectMany(s => s.Amount).Sum(a => a.Amount));

            // Non-trivial: the scope keeps a proper part of the records, over more than one page; or a proper, non-empty part of the deals.
            nonTrivialLists += expectedCustomers.Length > pageSize && expectedCustomers.Length < customers.Count + 1 ? 1 : 0;
            nonTrivialSums += expectedDeals.Length > 0 && expectedDeals.Length < deals.Count ? 1 : 0;
        }

        Assert.True(nonTrivialLists >= 5 && nonTrivialSums >= 5, $"Of {cases.Length} cases, {nonTrivialLists} paged and {nonTrivialSums} summed a proper, non-empty part of the records.");
    }

    /// <summary>No actor is denied everything, and nothing is written.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task No_actor_is_denied_everything()
    {
        _actor.Current = CrmActor.System;
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Anyone") with { OwnerId = Me });
        _actor.Current = null;
        var before = await RawSnapshotAsync(Collections);
        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => Crm.Customers.GetAsync(customer.Id));
        Assert.Null(denied.ActorId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Crm.Customers.ListAsync(CustomerFilter.All, PageRequest.First));
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await Crm.Customers.StreamAsync(CustomerFilter.All).ToListAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => Crm.Customers.CreateAsync(TestDrafts.Customer("New") with { OwnerId = Me }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Crm.Customers.FindByEmailAsync("a@example.com"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Crm.Pipelines.ListAsync(PipelineFilter.All, PageRequest.First));
        Assert.Equal(before, await RawSnapshotAsync(Collections));
    }

    /// <summary>
    /// A change is checked against the stored owner, not the caller's copy, and a record cannot be given away out of
    /// scope; a rep cannot create an unowned customer; lookups leave out-of-scope customers out.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Changes_are_checked_against_the_stored_owner_and_the_new_one()
    {
        _actor.Current = CrmActor.System;
        var mine = await Crm.Customers.CreateAsync(TestDrafts.Customer("Mine") with { OwnerId = Me, Emails = [new ContactDraft { Value = "shared@example.com" }] });
        var theirs = await Crm.Customers.CreateAsync(TestDrafts.Customer("Theirs") with { OwnerId = Stranger, Emails = [new ContactDraft { Value = "shared@example.com" }] });
        var copy = await Crm.Customers.GetAsync(theirs.Id);
        _actor.Current = new CrmActor(Me, ["north"], [BuiltInRoles.SalesRep]);
        var before = await RawSnapshotAsync(Collections);

        copy.AssignOwner(Me);
        var moved = await Assert.ThrowsAsync<AccessDeniedException>(() => Crm.Customers.UpdateAsync(copy));
        Assert.Equal(theirs.Id.Value, moved.RecordId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Crm.Customers.AssignOwnerAsync(mine.Id, Stranger));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Crm.Customers.CreateAsync(TestDrafts.Customer("Unowned")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Crm.Customers.FindAsync(theirs.Id));
        Assert.Equal(before, await RawSnapshotAsync(Collections));

        Assert.Equal([mine.Id], (await Crm.Customers.FindByEmailAsync("shared@example.com")).Select(c => c.Id));
    }

    /// <summary>A continuation token issued to one actor's scope does not page another's.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task A_continuation_token_is_bound_to_the_actors_scope()
    {
        _actor.Current = CrmActor.System;
        foreach (var owner in new[] { Me, Me, Me, TeamMate, TeamMate, TeamMate })
        {
            await Crm.Customers.CreateAsync(TestDrafts.Customer($"Customer {Next()}") with { OwnerId = owner });
        }

        _actor.Current = new CrmActor(Me, [], [BuiltInRoles.SalesRep]);
        var first = await Crm.Customers.ListAsync(CustomerFilter.All, new PageRequest(2));
        Assert.NotNull(first.ContinuationToken);
        _actor.Current = new CrmActor(TeamMate, [], [BuiltInRoles.SalesRep]);
        var error = await Assert.ThrowsAsync<CrmValidationException>(() => Crm.Customers.ListAsync(CustomerFilter.All, new PageRequest(2, first.ContinuationToken)));
        Assert.Contains(error.Errors, e => e.Rule == "continuation-token-invalid");
    }

    /// <summary>Access control without an accessor fails at the first resolve, naming what is missing.</summary>
    [Fact]
    public virtual void Access_control_without_an_accessor_is_a_configuration_error()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(Clock);
        var builder = services.AddCrm(Configure);
        Fixture.UseProvider(builder, DatabaseName);
        builder.AddAccessControl();
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<CrmConfigurationException>(() => provider.GetRequiredService<ICrm>());
        Assert.Contains(nameof(ICrmActorAccessor), error.Message, StringComparison.Ordinal);
    }

    /// <summary>A malformed permission key fails at the first resolve, naming the key.</summary>
    [Fact]
    public virtual void A_malformed_permission_key_is_a_configuration_error()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(Clock);
        services.AddSingleton<ICrmActorAccessor>(new TestActorAccessor());
        var builder = services.AddCrm(Configure);
        Fixture.UseProvider(builder, DatabaseName);
        builder.AddAccessControl(options =>
        {
            var clerk = new CrmRoleOptions().Allow(CrmResource.Customers, AccessLevel.Own, CrmAction.Read);
            clerk.Permissions["customer.reed"] = AccessLevel.All;
            options.Roles["clerk"] = clerk;
        });
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<CrmConfigurationException>(() => provider.GetRequiredService<ICrm>());
        Assert.Contains("customer.reed", error.Message, StringComparison.Ordinal);
    }

    private static string OwnerOf(Target target) => target switch
    {
        Target.Own => Me,
        Target.Team => TeamMate,
        _ => Stranger,
    };

    private static AccessLevel Required(Target target) => target switch
    {
        Target.Own => AccessLevel.Own,
        Target.Team => AccessLevel.Team,
        _ => AccessLevel.All,
    };

    private int Next() => Interlocked.Increment(ref _unique);

    private async Task<Records> SeedAsync(string owner, Pipeline pipeline)
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer($"Customer {Next()}") with { OwnerId = owner });
        var toErase = await Crm.Customers.CreateAsync(TestDrafts.Customer($"Customer {Next()}") with { OwnerId = owner });
        var toDelete = await Crm.Customers.CreateAsync(TestDrafts.Customer($"Customer {Next()}") with { OwnerId = owner });
        var deal = await Crm.Deals.CreateAsync(TestDrafts.Deal(customer.Id, pipeline) with { OwnerId = owner });
        var ticket = await Crm.Tickets.CreateAsync(TestDrafts.Ticket(customer.Id) with { AssigneeId = owner });
        var interaction = await Crm.Interactions.CreateAsync(TestDrafts.Interaction(customer.Id));
        return new Records(owner, customer.Id, toErase.Id, toDelete.Id, deal.Id, ticket.Id, interaction.Id, pipeline.Id);
    }

    private IEnumerable<Operation> Operations(Records r)
    {
        Operation Op(string name, CrmResource resource, CrmAction action, Func<Task> call, bool unowned = false) =>
            new(name, resource, action, call, unowned || resource == CrmResource.Pipelines);

        yield return Op("customers.get", CrmResource.Customers, CrmAction.Read, () => Crm.Customers.GetAsync(r.Customer));
        yield return Op("customers.find", CrmResource.Customers, CrmAction.Read, () => Crm.Customers.FindAsync(r.Customer));
        yield return Op("customers.summary", CrmResource.Customers, CrmAction.Read, () => Crm.Customers.GetSummaryAsync(r.Customer));
        yield return Op("customers.create", CrmResource.Customers, CrmAction.Create, () => Crm.Customers.CreateAsync(TestDrafts.Customer($"New {Next()}") with { OwnerId = r.Owner }));
        yield return Op("customers.stage", CrmResource.Customers, CrmAction.Update, () => Crm.Customers.ChangeLifecycleStageAsync(r.Customer, LifecycleStage.Customer));
        yield return Op("customers.assign", CrmResource.Customers, CrmAction.Update, () => Crm.Customers.AssignOwnerAsync(r.Customer, r.Owner));
        yield return Op("customers.update", CrmResource.Customers, CrmAction.Update, async () =>
        {
            var customer = await AsSystemAsync(() => Crm.Customers.GetAsync(r.Customer));
            customer.AddTag($"t{Next()}");
            await Crm.Customers.UpdateAsync(customer);
        });
        yield return Op("customers.erase", CrmResource.Customers, CrmAction.Erase, () => Crm.Customers.EraseAsync(r.ToErase));
        yield return Op("customers.delete", CrmResource.Customers, CrmAction.Delete, () => Crm.Customers.DeleteAsync(r.ToDelete));

        yield return Op("deals.get", CrmResource.Deals, CrmAction.Read, () => Crm.Deals.GetAsync(r.Deal));
        yield return Op("deals.find", CrmResource.Deals, CrmAction.Read, () => Crm.Deals.FindAsync(r.Deal));
        yield return Op("deals.create", CrmResource.Deals, CrmAction.Create, async () =>
        {
            var pipeline = await AsSystemAsync(() => Crm.Pipelines.GetAsync(r.Pipeline));
            await Crm.Deals.CreateAsync(TestDrafts.Deal(r.Customer, pipeline) with { OwnerId = r.Owner });
        });
        yield return Op("deals.assign", CrmResource.Deals, CrmAction.Update, () => Crm.Deals.AssignOwnerAsync(r.Deal, r.Owner));
        yield return Op("deals.update", CrmResource.Deals, CrmAction.Update, async () =>
        {
            var deal = await AsSystemAsync(() => Crm.Deals.GetAsync(r.Deal));
            await Crm.Deals.UpdateAsync(deal);
        });

        yield return Op("tickets.get", CrmResource.Tickets, CrmAction.Read, () => Crm.Tickets.GetAsync(r.Ticket));
        yield return Op("tickets.find", CrmResource.Tickets, CrmAction.Read, () => Crm.Tickets.FindAsync(r.Ticket));
        yield return Op("tickets.create", CrmResource.Tickets, CrmAction.Create, () => Crm.Tickets.CreateAsync(TestDrafts.Ticket(r.Customer) with { AssigneeId = r.Owner }));
        yield return Op("tickets.comment", CrmResource.Tickets, CrmAction.Update, () => Crm.Tickets.AddCommentAsync(r.Ticket, Me, "Looking into it."));
        yield return Op("tickets.assign", CrmResource.Tickets, CrmAction.Update, () => Crm.Tickets.AssignAsync(r.Ticket, r.Owner));
        yield return Op("tickets.update", CrmResource.Tickets, CrmAction.Update, async () =>
        {
            var ticket = await AsSystemAsync(() => Crm.Tickets.GetAsync(r.Ticket));
            await Crm.Tickets.UpdateAsync(ticket);
        });

        yield return Op("interactions.get", CrmResource.Interactions, CrmAction.Read, () => Crm.Interactions.GetAsync(r.Interaction));
        yield return Op("interactions.find", CrmResource.Interactions, CrmAction.Read, () => Crm.Interactions.FindAsync(r.Interaction));
        yield return Op("interactions.list", CrmResource.Interactions, CrmAction.Read, () => Crm.Interactions.ListAsync(new InteractionFilter { CustomerId = r.Customer }, PageRequest.First));
        yield return Op("interactions.stream", CrmResource.Interactions, CrmAction.Read, async () => await Crm.Interactions.StreamAsync(new InteractionFilter { CustomerId = r.Customer }).ToListAsync());
        yield return Op("interactions.create", CrmResource.Interactions, CrmAction.Create, () => Crm.Interactions.CreateAsync(TestDrafts.Interaction(r.Customer)));
        yield return Op("interactions.create-many", CrmResource.Interactions, CrmAction.Create, () => Crm.Interactions.CreateManyAsync([TestDrafts.Interaction(r.Customer), TestDrafts.Interaction(r.Customer)]));

        yield return Op("pipelines.get", CrmResource.Pipelines, CrmAction.Read, () => Crm.Pipelines.GetAsync(r.Pipeline));
        yield return Op("pipelines.list", CrmResource.Pipelines, CrmAction.Read, () => Crm.Pipelines.ListAsync(PipelineFilter.All, PageRequest.First));
        yield return Op("pipelines.summary", CrmResource.Pipelines, CrmAction.Read, () => Crm.Pipelines.GetSummaryAsync(r.Pipeline));
        yield return Op("pipelines.create", CrmResource.Pipelines, CrmAction.Create, () => Crm.Pipelines.CreateAsync(TestDrafts.Pipeline($"Pipeline {Next()}")));
        yield return Op("pipelines.update", CrmResource.Pipelines, CrmAction.Update, async () =>
        {
            var pipeline = await AsSystemAsync(() => Crm.Pipelines.GetAsync(r.Pipeline));
            await Crm.Pipelines.UpdateAsync(pipeline);
        });

        foreach (var resource in new[] { CrmResource.Customers, CrmResource.Interactions, CrmResource.Deals, CrmResource.Tickets })
        {
            yield return Op($"crm.authorize-export.{resource}", resource, CrmAction.Export, () => Crm.AuthorizeExportAsync(resource), unowned: true);
        }

        yield return Op("data-upgrades.run", CrmResource.Customers, CrmAction.Administer, () => Services.GetRequiredService<ICrmDataUpgrades>().RunAsync(), unowned: true);
    }

    private async Task<T> AsSystemAsync<T>(Func<Task<T>> read)
    {
        var actor = _actor.Current;
        _actor.Current = CrmActor.System;
        try
        {
            return await read();
        }
        finally
        {
            _actor.Current = actor;
        }
    }

    private sealed record Records(string Owner, CustomerId Customer, CustomerId ToErase, CustomerId ToDelete, DealId Deal, TicketId Ticket, InteractionId Interaction, PipelineId Pipeline);

    private sealed record Operation(string Name, CrmResource Resource, CrmAction Action, Func<Task> Call, bool Unowned);

    /// <summary>The test's actor accessor: the actor is set by the test.</summary>
    private sealed class TestActorAccessor : ICrmActorAccessor
    {
        public CrmActor? Current { get; set; }
    }
}
