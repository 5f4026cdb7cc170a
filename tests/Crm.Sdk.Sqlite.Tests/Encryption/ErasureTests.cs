using Crm.Sdk.Customers;
using Crm.Sdk.Interactions;
using Crm.Sdk.Tickets;
using Xunit;

namespace Crm.Sdk.Sqlite.Tests.Encryption;

/// <summary>
/// Crypto-shredding as a data protection officer checks it: after erasure nothing personal can be read back through the
/// SDK, the customer cannot be found by email or phone, and the wrapped data key and blind indexes are gone from the
/// bytes of the database file and of its write-ahead log.
/// </summary>
public sealed class ErasureTests
{
    /// <summary>The customer, its interactions and its tickets read back as erased, without personal data and without errors.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Erased_customer_and_its_records_read_back_as_erased_without_personal_data()
    {
        using var database = new TestDatabase();
        var key = TestDatabase.NewRootKey();
        var workload = new Workload();
        Customer victim;
        await using (var host = database.OpenEncrypted(key))
        {
            await workload.RunAsync(host.Crm, customers: 4);
            victim = workload.Customers[0];
            await host.Crm.Customers.EraseAsync(victim.Id);

            await AssertErasedAsync(host.Crm, workload, victim);
        }

        // A new process, with no key cached, reads the same.
        await using (var host = database.OpenEncrypted(key))
        {
            await AssertErasedAsync(host.Crm, workload, victim);
            var bystander = await host.Crm.Customers.GetAsync(workload.Customers[1].Id);
            Assert.False(bystander.IsErased);
            Assert.Equal(workload.Customers[1].DisplayName, bystander.DisplayName);
            Assert.Single(await host.Crm.Customers.FindByEmailAsync(workload.Customers[1].Emails[0].Address.Value));
        }
    }

    /// <summary>
    /// The wrapped data key and the blind indexes of the erased customer are in the file before erasure and in neither
    /// the file nor the log after it (secure_delete and a WAL checkpoint), while the application runs and after it closed.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Erasure_leaves_no_wrapped_key_or_blind_index_in_the_file_or_its_log()
    {
        using var database = new TestDatabase();
        var workload = new Workload();
        await using var host = database.OpenEncrypted(TestDatabase.NewRootKey());
        await workload.RunAsync(host.Crm, customers: 6);
        var victim = workload.Customers[2];
        var id = TestDatabase.IdBytes(victim.Id.Value);
        var wrappedKey = (string)database.Scalar("SELECT json_extract(body, '$.wrappedKey') FROM data_keys WHERE customer_id = $id", ("$id", id))!;
        var blindIndexes = new[] { "customers__emails", "customers__phones", "customers__name_tokens" }
            .SelectMany(table => database.Column($"SELECT value FROM {table} WHERE id = $id", ("$id", id)))
            .ToArray();

        // A name prefix shared with another customer ("pe" of Perpetua and Pemberton) stays, indexed for that customer.
        var shared = new[] { "customers__emails", "customers__phones", "customers__name_tokens" }
            .SelectMany(table => database.Column($"SELECT value FROM {table} WHERE id <> $id", ("$id", id)))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains(blindIndexes, shared.Contains);
        blindIndexes = [.. blindIndexes.Where(v => !shared.Contains(v))];
        Assert.True(blindIndexes.Length > 10, "the customer's own emails, phones and name prefixes");
        Assert.Equal(72, Convert.FromBase64String(wrappedKey).Length); // format 2: RFC 5649 of key, key id and customer id
        Assert.Contains(blindIndexes, v => v.StartsWith("bi1:k1:", StringComparison.Ordinal));
        Assert.True(blindIndexes.Length > 10, "emails, phones and name prefixes are indexed");

        // Half of the history in the database file, half in the log, as in a long-running application.
        database.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        await workload.OpenTicketAsync(host.Crm, victim, 99);
        var needles = blindIndexes.Append(wrappedKey)
            .Select(v => (v, System.Text.Encoding.UTF8.GetBytes(v)))
            .Append(("wrapped key bytes", Convert.FromBase64String(wrappedKey)))
            .ToArray();
        Assert.NotEmpty(RawFile.Find(RawFile.ReadAll(database.Path), needles));

        await host.Crm.Customers.EraseAsync(victim.Id);

        Assert.IsType<DBNull>(database.Scalar("SELECT json_extract(body, '$.wrappedKey') FROM data_keys WHERE customer_id = $id", ("$id", id)));
        Assert.Empty(RawFile.Find(RawFile.ReadAll(database.Path), needles));
        await host.DisposeAsync();
        Assert.Empty(RawFile.Find(RawFile.ReadAll(database.Path), needles));
    }

    /// <summary>Erasing an erased customer changes nothing and does not fail.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Erasing_twice_is_harmless()
    {
        using var database = new TestDatabase();
        var workload = new Workload();
        await using var host = database.OpenEncrypted(TestDatabase.NewRootKey());
        await workload.RunAsync(host.Crm, customers: 2);
        var victim = workload.Customers[1];

        await host.Crm.Customers.EraseAsync(victim.Id);
        await host.Crm.Customers.EraseAsync(victim.Id);

        await AssertErasedAsync(host.Crm, workload, victim);
        Assert.False((await host.Crm.Customers.GetAsync(workload.Customers[0].Id)).IsErased);
    }

    /// <summary>No new personal data can be written for an erased customer: rule <c>customer-erased</c>, and nothing is written.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task New_personal_data_for_an_erased_customer_is_refused_and_nothing_is_written()
    {
        using var database = new TestDatabase();
        var workload = new Workload();
        await using var host = database.OpenEncrypted(TestDatabase.NewRootKey());
        await workload.RunAsync(host.Crm, customers: 1);
        var victim = workload.Customers[0];
        await host.Crm.Customers.EraseAsync(victim.Id);
        var interactions = await CountAsync(database, "interactions");
        var tickets = await CountAsync(database, "tickets");
        var events = await CountAsync(database, "domain_events");

        var onInteraction = await Assert.ThrowsAsync<DomainRuleException>(() => host.Crm.Interactions.CreateAsync(workload.InteractionDraft(victim, 500)));
        var onTicket = await Assert.ThrowsAsync<DomainRuleException>(() => host.Crm.Tickets.CreateAsync(
            new TicketDraft { CustomerId = victim.Id, Type = TicketType.Inquiry, Subject = "Where is my order 4711-QQ?" }));
        var erased = await host.Crm.Customers.GetAsync(victim.Id);
        erased.AddEmail("back.again.4711@example.org");
        var onCustomer = await Assert.ThrowsAsync<DomainRuleException>(() => host.Crm.Customers.UpdateAsync(erased));

        Assert.All(new[] { onInteraction, onTicket, onCustomer }, e => Assert.Equal("customer-erased", e.Rule));
        Assert.Equal(interactions, await CountAsync(database, "interactions"));
        Assert.Equal(tickets, await CountAsync(database, "tickets"));
        Assert.Equal(events, await CountAsync(database, "domain_events"));
        var reread = await host.Crm.Customers.GetAsync(victim.Id);
        Assert.Empty(reread.Emails);
        Assert.Empty(await host.Crm.Customers.FindByEmailAsync("back.again.4711@example.org"));
        Assert.Empty(RawFile.FindTexts(database.Path, ["back.again.4711@example.org", "Where is my order 4711-QQ?"]));
    }

    private static Task<long> CountAsync(TestDatabase database, string table) =>
        Task.FromResult((long)database.Scalar($"SELECT count(*) FROM {table}")!);

    private static async Task AssertErasedAsync(ICrm crm, Workload workload, Customer victim)
    {
        var customer = await crm.Customers.GetAsync(victim.Id);
        Assert.True(customer.IsErased);
        Assert.DoesNotContain(victim.DisplayName, customer.DisplayName, StringComparison.Ordinal);
        Assert.Null(customer.PersonName);
        Assert.Null(customer.CompanyName);
        Assert.Empty(customer.Emails);
        Assert.Empty(customer.Phones);
        Assert.Empty(customer.Addresses);
        Assert.DoesNotContain(customer.CustomFields.Values, v => v is TextFieldValue);
        Assert.Equal(victim.Tags.Order(), customer.Tags.Order());
        Assert.Equal(victim.ExternalIds, customer.ExternalIds);

        foreach (var email in victim.Emails)
        {
            Assert.Empty(await crm.Customers.FindByEmailAsync(email.Address.Value));
        }

        foreach (var phone in victim.Phones)
        {
            Assert.Empty(await crm.Customers.FindByPhoneAsync(phone.Number.Raw));
        }

        Assert.DoesNotContain(
            (await crm.Customers.ListAsync(new CustomerFilter { NamePrefix = victim.DisplayName }, PageRequest.First)).Items,
            c => c.Id == victim.Id);

        var timeline = await crm.Interactions.ListAsync(InteractionFilter.ForCustomer(victim.Id), new PageRequest(1000));
        Assert.Equal(workload.Interactions.Count(i => i.CustomerId == victim.Id), timeline.Items.Count);
        Assert.All(timeline.Items, i =>
        {
            Assert.True(i.IsErased);
            Assert.Null(i.Subject);
            Assert.Null(i.Body);
            Assert.Empty(i.Participants);
            Assert.Null(i.Feedback?.Comment);
        });
        Assert.Contains(timeline.Items, i => i.Feedback is { Rating: 2, Category: FeedbackCategory.Complaint });

        var tickets = await crm.Tickets.ListAsync(new TicketFilter { CustomerId = victim.Id }, new PageRequest(100));
        Assert.Equal(workload.Tickets.Count(t => t.CustomerId == victim.Id), tickets.Items.Count);
        Assert.All(tickets.Items, t =>
        {
            Assert.True(t.IsErased);
            Assert.Equal("[erased]", t.Subject);
            Assert.Null(t.Description);
            Assert.All(t.Comments, c => Assert.Equal("[erased]", c.Body));
            Assert.Equal(2, t.Comments.Count);
            Assert.Equal(4, t.Satisfaction?.Rating);
            Assert.Null(t.Satisfaction?.Comment);
        });
    }
}
