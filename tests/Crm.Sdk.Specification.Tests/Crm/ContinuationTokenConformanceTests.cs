using System.Buffers.Text;
using System.Text;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Specification.Tests.Storage;
using Crm.Sdk.Testing;
using Crm.Sdk.Tickets;
using NodaTime;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>
/// Continuation tokens are authenticated by the database that issued them: any token the SDK did not issue for that list
/// of that database (altered, truncated, forged, of another list, of another database) is refused with
/// <see cref="CrmValidationException"/> (field <c>ContinuationToken</c>, rule <c>continuation-token-invalid</c>), never
/// another exception; every CRM instance opened over the same database accepts the tokens of the others.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class ContinuationTokenConformanceTests<TFixture>(TFixture fixture) : CrmConformanceTestBase<TFixture>(fixture)
    where TFixture : StoreFixture
{
    private static readonly Instant Start = Instant.FromUtc(2025, 2, 1, 12, 0);

    /// <summary>
    /// Tokens forged in the unsigned text format of earlier versions, with the sort value's type changed from a whole
    /// number to text (the timeline's <c>occurred_at</c>, the open-ticket queue's <c>queue_key</c>), are refused as invalid
    /// tokens, not passed on to the database.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Token_with_a_forged_sort_value_type_is_refused()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Forged"));
        var interactions = await Crm.Interactions.CreateManyAsync(
            [.. Enumerable.Range(0, 3).Select(i => TestDrafts.Interaction(customer.Id, InteractionKind.Note, Start + Duration.FromMinutes(i)))]);
        var ticket = await Crm.Tickets.CreateAsync(TestDrafts.Ticket(customer.Id));
        await Crm.Tickets.CreateAsync(TestDrafts.Ticket(customer.Id));
        var timeline = InteractionFilter.ForCustomer(customer.Id);
        var queue = new TicketFilter { IsOpen = true };
        var timelineToken = (await Crm.Interactions.ListAsync(timeline, new PageRequest(1))).ContinuationToken;
        var queueToken = (await Crm.Tickets.ListAsync(queue, new PageRequest(1))).ContinuationToken;
        Assert.NotNull(timelineToken);
        Assert.NotNull(queueToken);

        foreach (var (tag, value) in new[] { ('s', "2025"), ('s', string.Empty), ('d', "1.5"), ('g', Guid.NewGuid().ToString("N")), ('l', "1") })
        {
            var forgedTimeline = UnsignedToken($"timeline:{customer.Id}", interactions[1].Id.Value, tag, value);
            var forgedQueue = UnsignedToken("tickets::True::", ticket.Id.Value, tag, value);

            await AssertRefusedAsync(() => Crm.Interactions.ListAsync(timeline, new PageRequest(1, forgedTimeline)));
            await AssertRefusedAsync(() => Crm.Tickets.ListAsync(queue, new PageRequest(1, forgedQueue)));
        }

        Assert.Single((await Crm.Interactions.ListAsync(timeline, new PageRequest(1, timelineToken))).Items);
        Assert.Single((await Crm.Tickets.ListAsync(queue, new PageRequest(1, queueToken))).Items);
    }

    /// <summary>
    /// A token with any one bit flipped, cut short at any length, or with a byte appended is refused; the token as issued
    /// still works.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Token_with_any_bit_flipped_or_cut_short_is_refused()
    {
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Tampered"));
        await Crm.Interactions.CreateManyAsync([.. Enumerable.Range(0, 3).Select(i => TestDrafts.Interaction(customer.Id, InteractionKind.Note, Start + Duration.FromMinutes(i)))]);
        var timeline = InteractionFilter.ForCustomer(customer.Id);
        var token = Assert.IsType<string>((await Crm.Interactions.ListAsync(timeline, new PageRequest(1))).ContinuationToken);
        var bytes = Base64Url.DecodeFromChars(token);

        var altered = new List<string>();
        for (var i = 0; i < bytes.Length; i++)
        {
            for (var bit = 0; bit < 8; bit++)
            {
                var flipped = (byte[])bytes.Clone();
                flipped[i] ^= (byte)(1 << bit);
                altered.Add(Base64Url.EncodeToString(flipped));
            }
        }

        for (var length = 1; length < bytes.Length; length++)
        {
            altered.Add(Base64Url.EncodeToString(bytes.AsSpan(0, length)));
        }

        altered.Add(Base64Url.EncodeToString([.. bytes, 0]));
        altered.Add(token + "A");
        altered.Add(" " + token);
        altered.Add("not a token");
        altered.Add("AA");
        altered.Add(string.Empty);

        foreach (var bad in altered)
        {
            await AssertRefusedAsync(() => Crm.Interactions.ListAsync(timeline, new PageRequest(1, bad)));
        }

        Assert.Single((await Crm.Interactions.ListAsync(timeline, new PageRequest(1, token))).Items);
    }

    /// <summary>A token is refused by every list but the one that issued it: another customer's timeline, other filters, other kinds of record.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Token_of_another_list_is_refused()
    {
        var alice = await Crm.Customers.CreateAsync(TestDrafts.Customer("Alice"));
        var bob = await Crm.Customers.CreateAsync(TestDrafts.Customer("Bob"));
        await Crm.Customers.CreateAsync(TestDrafts.Customer("Carol"));
        var pipeline = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
        foreach (var customer in new[] { alice, bob })
        {
            await Crm.Interactions.CreateManyAsync([.. Enumerable.Range(0, 3).Select(i => TestDrafts.Interaction(customer.Id, InteractionKind.Note, Start + Duration.FromMinutes(i)))]);
            for (var i = 0; i < 2; i++)
            {
                await Crm.Tickets.CreateAsync(TestDrafts.Ticket(customer.Id));
                await Crm.Deals.CreateAsync(TestDrafts.Deal(customer.Id, pipeline));
            }
        }

        var timeline = (await Crm.Interactions.ListAsync(InteractionFilter.ForCustomer(alice.Id), new PageRequest(1))).ContinuationToken;
        var queue = (await Crm.Tickets.ListAsync(new TicketFilter { IsOpen = true }, new PageRequest(1))).ContinuationToken;
        var deals = (await Crm.Deals.ListAsync(new DealFilter { CustomerId = alice.Id }, new PageRequest(1))).ContinuationToken;
        var customers = (await Crm.Customers.ListAsync(CustomerFilter.All, new PageRequest(1))).ContinuationToken;

        await AssertRefusedAsync(() => Crm.Interactions.ListAsync(InteractionFilter.ForCustomer(bob.Id), new PageRequest(1, timeline)));
        await AssertRefusedAsync(() => Crm.Tickets.ListAsync(new TicketFilter { IsOpen = true }, new PageRequest(1, timeline)));
        await AssertRefusedAsync(() => Crm.Tickets.ListAsync(new TicketFilter(), new PageRequest(1, queue)));
        await AssertRefusedAsync(() => Crm.Tickets.ListAsync(new TicketFilter { IsOpen = true, CustomerId = alice.Id }, new PageRequest(1, queue)));
        await AssertRefusedAsync(() => Crm.Deals.ListAsync(new DealFilter { CustomerId = bob.Id }, new PageRequest(1, deals)));
        await AssertRefusedAsync(() => Crm.Deals.ListAsync(new DealFilter(), new PageRequest(1, deals)));
        await AssertRefusedAsync(() => Crm.Customers.ListAsync(new CustomerFilter { NamePrefix = "a" }, new PageRequest(1, customers)));
        await AssertRefusedAsync(() => Crm.Customers.ListAsync(CustomerFilter.All, new PageRequest(1, deals)));

        Assert.Single((await Crm.Interactions.ListAsync(InteractionFilter.ForCustomer(alice.Id), new PageRequest(1, timeline))).Items);
        Assert.Single((await Crm.Tickets.ListAsync(new TicketFilter { IsOpen = true }, new PageRequest(1, queue))).Items);
        Assert.Single((await Crm.Deals.ListAsync(new DealFilter { CustomerId = alice.Id }, new PageRequest(1, deals))).Items);
        Assert.Single((await Crm.Customers.ListAsync(CustomerFilter.All, new PageRequest(1, customers))).Items);
    }

    /// <summary>
    /// A token issued by another database is refused even for a list of the same name and shape: each database
    /// authenticates its tokens with a key of its own.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Token_of_another_database_is_refused()
    {
        var other = OpenCrmOver(Fixture.NewDatabaseName("other"));
        foreach (var crm in new[] { Crm, other })
        {
            var uow = crm.BeginUnitOfWork();
            foreach (var name in new[] { "Anna", "Bert", "Cleo" })
            {
                await uow.CreateCustomerAsync(TestDrafts.Customer(name));
            }

            await uow.CommitAsync();
        }

        var ours = Assert.IsType<string>((await Crm.Customers.ListAsync(CustomerFilter.All, new PageRequest(1))).ContinuationToken);
        var theirs = Assert.IsType<string>((await other.Customers.ListAsync(CustomerFilter.All, new PageRequest(1))).ContinuationToken);

        await AssertRefusedAsync(() => other.Customers.ListAsync(CustomerFilter.All, new PageRequest(1, ours)));
        await AssertRefusedAsync(() => Crm.Customers.ListAsync(CustomerFilter.All, new PageRequest(1, theirs)));
        Assert.Equal("Bert", Assert.Single((await Crm.Customers.ListAsync(CustomerFilter.All, new PageRequest(1, ours))).Items).DisplayName);
        Assert.Equal("Bert", Assert.Single((await other.Customers.ListAsync(CustomerFilter.All, new PageRequest(1, theirs))).Items).DisplayName);
    }

    /// <summary>
    /// Several CRM instances opened over one new database, paging at the same time (so that they race to create the
    /// database's token key), agree on one key: each accepts the tokens of every other, and so does an instance opened
    /// after a restart.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Tokens_work_across_crm_instances_over_the_same_database()
    {
        var uow = Crm.BeginUnitOfWork();
        string[] names = ["Ada", "Ben", "Cy", "Dee", "Eve"];
        foreach (var name in names)
        {
            await uow.CreateCustomerAsync(TestDrafts.Customer(name));
        }

        await uow.CommitAsync();
        ICrm[] crms = [Crm, OpenSecondCrm(), OpenSecondCrm(), OpenSecondCrm()];

        var firstPages = await Task.WhenAll(crms.Select(c => Task.Run(() => c.Customers.ListAsync(CustomerFilter.All, new PageRequest(2)))));

        foreach (var issued in firstPages)
        {
            Assert.Equal(["Ada", "Ben"], issued.Items.Select(c => c.DisplayName));
            foreach (var crm in crms)
            {
                var next = await crm.Customers.ListAsync(CustomerFilter.All, new PageRequest(2, issued.ContinuationToken));
                Assert.Equal(["Cy", "Dee"], next.Items.Select(c => c.DisplayName));
            }
        }

        var reopened = await ReopenAsync();
        var page = await reopened.Customers.ListAsync(CustomerFilter.All, new PageRequest(2, firstPages[^1].ContinuationToken));
        Assert.Equal(["Cy", "Dee"], page.Items.Select(c => c.DisplayName));
        var last = await reopened.Customers.ListAsync(CustomerFilter.All, new PageRequest(2, page.ContinuationToken));
        Assert.Equal(["Eve"], last.Items.Select(c => c.DisplayName));
        Assert.Null(last.ContinuationToken);
    }

    /// <summary>Asserts that a call fails with the documented error of an invalid continuation token, and nothing else.</summary>
    /// <typeparam name="T">The call's result.</typeparam>
    /// <param name="call">The call.</param>
    /// <returns>A task.</returns>
    protected static async Task AssertRefusedAsync<T>(Func<Task<T>> call)
    {
        var ex = await Assert.ThrowsAsync<CrmValidationException>(call);
        var error = Assert.Single(ex.Errors);
        Assert.Equal("ContinuationToken", error.Field);
        Assert.Equal("continuation-token-invalid", error.Rule);
    }

    /// <summary>A token in the unsigned format of earlier versions: list name, id and tagged sort value, as base64url text.</summary>
    private static string UnsignedToken(string list, Guid id, char tag, string value) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{list}\n{id:N}\n{tag}{value}"));
}
