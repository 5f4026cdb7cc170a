using System.Reflection;
using Crm.Sdk.Audit;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Duplicates;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Security;
using Crm.Sdk.Specification.Tests.Storage;
using Crm.Sdk.Testing;
using Crm.Sdk.Tickets;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>
/// Where records leave the SDK, over a real database with access control and the audit trail on: an actor none of whose
/// roles sees personal data gets masked values from every public call that returns a customer, interaction or ticket
/// (the list of calls is checked against the service interfaces, so a new one cannot be forgotten) and cannot save a
/// masked record back; an actor who sees personal data gets the real values, and each read call is recorded once with the
/// ids it returned, never the SDK's internal reads.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class DisclosureConformanceTests<TFixture>(TFixture fixture) : CrmConformanceTestBase<TFixture>(fixture)
    where TFixture : StoreFixture
{
    /// <summary>A role that may read and change customers, interactions and tickets, but not see personal data.</summary>
    private const string Clerk = "clerk";

    private const string Email = "ada@lovelace.example";
    private const string Phone = "+8613812345678";

    // What must never reach an actor who does not see personal data (the email's domain is shown by rule).
    private static readonly string[] Secrets =
        ["Ada", "Lovelace", "ada@", "12345678", "James", "SW1Y", "mornings", "Engine plans", "Sketches", "Babbage", "Broken gear", "Call me", "Lovely", "张伟", "Grace"];

    private static readonly string[] Collections = ["customers", "interactions", "pipelines", "deals", "tickets", "domain_events", "audit_entries"];

    private readonly TestActorAccessor _actor = new();

    private IAuditTrail Audit => Services.GetRequiredService<IAuditTrail>();

    /// <inheritdoc />
    protected override void Configure(CrmOptions options)
    {
        base.Configure(options);
        options!.CustomFields.Add(new CustomFieldDefinition("private_note", "Private note", CustomFieldType.Text, isPersonal: true));
        options.CustomFields.Add(new CustomFieldDefinition("birth_date", "Birth date", CustomFieldType.Date, isPersonal: true));
    }

    /// <inheritdoc />
    protected override void ConfigureCrm(CrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ICrmActorAccessor>(_actor);
        builder.AddAccessControl(options =>
        {
            CrmAction[] edit = [CrmAction.Read, CrmAction.Create, CrmAction.Update];
            options.Roles[Clerk] = new CrmRoleOptions { SeesPersonalData = false }
                .Allow(CrmResource.Customers, AccessLevel.All, [.. edit, CrmAction.Merge])
                .Allow(CrmResource.Interactions, AccessLevel.All, edit)
                .Allow(CrmResource.Tickets, AccessLevel.All, edit)
                .Allow(CrmResource.Deals, AccessLevel.All, CrmAction.Read)
                .Allow(CrmResource.Pipelines, AccessLevel.All, CrmAction.Read);
        }).AddAuditTrail();
    }

    /// <summary>
    /// Every public call that returns a customer, an interaction, a ticket or a 360° summary — reads, lookups by exact
    /// email and phone, creates and commands — gives masked values to the clerk, the auditor and the read-only user (reads
    /// only for those two), and the real ones to an actor with one role that sees personal data among others.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Every_call_returning_personal_data_masks_it_for_an_actor_who_may_not_see_it()
    {
        var covered = Calls(Seeded.None).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var missing = PersonalDataCalls().Where(name => !covered.Contains(name)).ToList();
        Assert.True(missing.Count == 0, $"No masking case for: {string.Join(", ", missing)}.");

        foreach (var (actor, reads) in new[]
        {
            (new CrmActor("cleo", roles: [Clerk]), false),
            (new CrmActor("ivy", roles: [BuiltInRoles.Auditor]), true),
            (new CrmActor("rob", roles: [BuiltInRoles.ReadOnly]), true),
        })
        {
            var records = await SeedAsync();
            foreach (var call in Calls(records).Where(c => !reads || c.IsRead))
            {
                _actor.Current = actor;
                var returned = await call.Run();
                _actor.Current = CrmActor.System;
                var because = $"{actor.UserId} / {call.Name}";
                Assert.True(returned.Count > 0, $"{because} returned nothing to check.");
                var text = string.Join('\n', returned.Select(PersonalText));
                Assert.True(!Secrets.Any(s => text.Contains(s, StringComparison.Ordinal)), $"{because} returned personal data: {text}");
                Assert.Contains("***", text, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The same calls give the real values to an actor one of whose roles sees personal data.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task An_actor_with_a_role_that_sees_personal_data_gets_the_real_values()
    {
        var records = await SeedAsync();
        var actor = new CrmActor("cleo", roles: [Clerk, BuiltInRoles.SalesRep]);
        foreach (var call in Calls(records))
        {
            _actor.Current = actor;
            var text = string.Join('\n', (await call.Run()).Select(PersonalText));
            _actor.Current = CrmActor.System;
            Assert.DoesNotContain("***", text, StringComparison.Ordinal);
            Assert.True(Secrets.Any(s => text.Contains(s, StringComparison.Ordinal)), $"{call.Name} returned no real value: {text}");
        }
    }

    /// <summary>The masks follow the documented rules, field by field; what is not personal is returned as it is.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task A_masked_customer_follows_the_documented_rules()
    {
        var records = await SeedAsync();
        _actor.Current = new CrmActor("ivy", roles: [BuiltInRoles.Auditor]);
        var customer = await Crm.Customers.GetAsync(records.Customer);
        var chinese = await Crm.Customers.GetAsync(records.Chinese);

        Assert.Equal("A** L*******", customer.DisplayName);
        Assert.Equal(("A**", "L*******"), (customer.PersonName!.GivenName, customer.PersonName.FamilyName));
        Assert.Equal("a***@lovelace.example", customer.PrimaryEmail!.Value);
        Assert.Equal("+86 138****5678", customer.Phones[0].Number.Raw);
        Assert.Equal(("***", "***", "London", "GB"), (customer.Addresses[0].Lines[0], customer.Addresses[0].PostalCode, customer.Addresses[0].City, customer.Addresses[0].Country));
        Assert.Equal(CustomFieldValue.Text("***"), customer.CustomFields["private_note"]);
        Assert.False(customer.CustomFields.ContainsKey("birth_date"));
        Assert.Equal(CustomFieldValue.Text("Countess"), customer.CustomFields["nickname"]);
        Assert.Equal(["vip"], customer.Tags.ToArray());
        Assert.Equal("张*", chinese.DisplayName);

        // Lookups by the exact value still find the record (through the blind index or the stored value), masked.
        Assert.Equal([records.Customer], (await Crm.Customers.FindByEmailAsync(Email)).Select(c => c.Id));
        Assert.Equal([records.Customer], (await Crm.Customers.FindByPhoneAsync("+86 138 1234 5678")).Select(c => c.Id));
    }

    /// <summary>
    /// A masked record handed back to any write path that takes one throws <see cref="MaskedDataException"/> naming the
    /// record and the rule, and the database is unchanged; the same actor's commands still change the real record.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Saving_a_masked_record_throws_and_writes_nothing()
    {
        var records = await SeedAsync();
        _actor.Current = new CrmActor("cleo", roles: [Clerk]);
        var customer = await Crm.Customers.GetAsync(records.Customer);
        var ticket = await Crm.Tickets.GetAsync(records.Ticket);
        var created = await Crm.Customers.CreateAsync(SecretCustomer("Grace Hopper"));
        Assert.Equal("G**** H*****", created.DisplayName);
        var before = await RawSnapshotAsync(Collections);

        customer.AddTag("edited");
        var error = await Assert.ThrowsAsync<MaskedDataException>(() => Crm.Customers.UpdateAsync(customer));
        Assert.Equal((nameof(Customer), records.Customer.Value, "masked-record"), (error.EntityType, error.RecordId, error.Rule));
        await Assert.ThrowsAsync<MaskedDataException>(() => Crm.Tickets.UpdateAsync(ticket));
        var uow = Crm.BeginUnitOfWork();
        Assert.Throws<MaskedDataException>(() => uow.Update(customer));
        Assert.Throws<MaskedDataException>(() => uow.Update(ticket));
        await uow.CommitAsync();
        Assert.Throws<MaskedDataException>(() => Crm.BeginUnitOfWork().Update(created));
        Assert.Equal(before, await RawSnapshotAsync(Collections));

        _actor.Current = new CrmActor("cleo", roles: [Clerk]);
        await Crm.Customers.ChangeLifecycleStageAsync(records.Customer, LifecycleStage.Customer);
        _actor.Current = CrmActor.System;
        var stored = await Crm.Customers.GetAsync(records.Customer);
        Assert.Equal(("Ada Lovelace", LifecycleStage.Customer, Email), (stored.DisplayName, stored.LifecycleStage, stored.PrimaryEmail!.Value));
    }

    /// <summary>A denied read leaves exactly one entry, <c>Denied</c>: no <c>Read</c> entry before it.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task A_denied_find_records_one_denied_entry_and_no_read()
    {
        _actor.Current = CrmActor.System;
        var theirs = await Crm.Customers.CreateAsync(TestDrafts.Customer("Theirs") with { OwnerId = "oz" });
        var mark = await HeadAsync();
        _actor.Current = new CrmActor("mia", roles: [BuiltInRoles.SalesRep]);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Crm.Customers.FindAsync(theirs.Id));

        var entry = Assert.Single(await EntriesAfterAsync(mark));
        Assert.Equal(("mia", AuditAction.Read, AuditOutcome.Denied), (entry.ActorId, entry.Action, entry.Outcome));
        Assert.Equal([theirs.Id.Value], entry.RecordIds);
    }

    /// <summary>Writes record their own entry only: a create <c>Create</c>, a command and an update <c>Update</c>; their internal reads are not reads.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Writes_record_no_read()
    {
        _actor.Current = new CrmActor("mia", roles: [BuiltInRoles.SalesRep]);
        var mark = await HeadAsync();
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Mine") with { OwnerId = "mia" });
        await Crm.Customers.ChangeLifecycleStageAsync(customer.Id, LifecycleStage.Customer);
        await Crm.Interactions.CreateAsync(TestDrafts.Interaction(customer.Id));
        Assert.Equal(
            [(AuditAction.Create, CrmResource.Customers), (AuditAction.Update, CrmResource.Customers), (AuditAction.Create, CrmResource.Interactions)],
            (await EntriesAfterAsync(mark)).Select(e => (e.Action, e.Resource)));

        var read = await Crm.Customers.GetAsync(customer.Id);
        mark = await HeadAsync();
        read.AddTag("edited");
        await Crm.Customers.UpdateAsync(read);
        Assert.Equal([AuditAction.Update], (await EntriesAfterAsync(mark)).Select(e => e.Action));
    }

    /// <summary>
    /// A page read by an actor who sees personal data is one <c>Read</c> entry with exactly the ids returned; a stream one
    /// per chunk; the same lists read masked record nothing.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Lists_record_the_ids_they_return_unless_masked()
    {
        _actor.Current = CrmActor.System;
        var holder = await Crm.Customers.CreateAsync(TestDrafts.Customer("Holder") with { OwnerId = "mia" });
        foreach (var owner in new[] { "mia", "mia", "oz", "mia", "oz" })
        {
            await Crm.Customers.CreateAsync(TestDrafts.Customer("Listed") with { OwnerId = owner });
        }

        await Crm.Interactions.CreateManyAsync([.. Enumerable.Range(0, 70).Select(_ => TestDrafts.Interaction(holder.Id))]);

        _actor.Current = new CrmActor("mia", roles: [BuiltInRoles.SalesRep]);
        var mark = await HeadAsync();
        var page = await Crm.Customers.ListAsync(CustomerFilter.All, new PageRequest(3));
        var entry = Assert.Single(await EntriesAfterAsync(mark));
        Assert.Equal(("mia", AuditAction.Read, CrmResource.Customers, AuditOutcome.Succeeded), (entry.ActorId, entry.Action, entry.Resource, entry.Outcome));
        Assert.Equal(page.Items.Select(c => c.Id.Value), entry.RecordIds);
        Assert.Equal(3, entry.RecordIds.Count);

        mark = await HeadAsync();
        var timeline = await Crm.Interactions.StreamAsync(new InteractionFilter { CustomerId = holder.Id }).ToListAsync();
        var chunks = await EntriesAfterAsync(mark);
        Assert.Equal([64, 6], chunks.Select(e => e.RecordIds.Count));
        Assert.Equal(timeline.Select(i => i.Id.Value), chunks.SelectMany(e => e.RecordIds));

        _actor.Current = new CrmActor("rob", roles: [BuiltInRoles.ReadOnly]);
        mark = await HeadAsync();
        Assert.Equal(3, (await Crm.Customers.ListAsync(CustomerFilter.All, new PageRequest(3))).Items.Count);
        Assert.Equal(70, (await Crm.Interactions.StreamAsync(new InteractionFilter { CustomerId = holder.Id }).ToListAsync()).Count);
        await Crm.Customers.GetSummaryAsync(holder.Id);
        Assert.Empty(await EntriesAfterAsync(mark));
    }

    private static CustomerDraft SecretCustomer(string name) => TestDrafts.Customer(name) with
    {
        GivenName = name.Split(' ')[0],
        FamilyName = name.Split(' ')[1],
        Emails = [new ContactDraft { Value = name == "Ada Lovelace" ? Email : "grace@navy.example", Label = "home" }],
        Phones = [new ContactDraft { Value = Phone, Label = "mobile" }],
        Addresses = [new PostalAddressDraft { Lines = ["12 St James's Square"], City = "London", PostalCode = "SW1Y 4JH", Country = "GB" }],
        CustomFields = new Dictionary<string, CustomFieldValue>
        {
            ["nickname"] = CustomFieldValue.Text("Countess"),
            ["private_note"] = CustomFieldValue.Text("Prefers mornings"),
            ["birth_date"] = CustomFieldValue.Date(new LocalDate(1815, 12, 10)),
        },
        Tags = ["vip"],
    };

    // Every method of the public services and the unit of work whose result holds a customer, interaction, ticket or 360° summary.
    private static IEnumerable<string> PersonalDataCalls() =>
        new[] { typeof(ICustomerService), typeof(IInteractionService), typeof(ITicketService), typeof(IDealService), typeof(IPipelineService), typeof(IDuplicateService), typeof(ICrmUnitOfWork) }
            .SelectMany(t => t.GetMethods().Where(m => HoldsPersonalData(m.ReturnType)).Select(m => $"{t.Name}.{m.Name}"))
            .Distinct(StringComparer.Ordinal);

    private static bool HoldsPersonalData(Type type) =>
        type == typeof(Customer) || type == typeof(Interaction) || type == typeof(Ticket) || type == typeof(Customer360)
        || type == typeof(DuplicateMatch) || type == typeof(MergeResult)
        || (type.IsGenericType && type.GetGenericArguments().Any(HoldsPersonalData));

    // The personal text of what a call returned, for the checks.
    private static string PersonalText(object item) => item switch
    {
        Customer c => string.Join(" | ", new[] { c.DisplayName, c.PersonName?.FullName, c.CompanyName }
            .Concat(c.Emails.SelectMany(e => new[] { e.Address.Value, e.Address.Normalized }))
            .Concat(c.Phones.SelectMany(p => new[] { p.Number.Raw, p.Number.E164 }))
            .Concat(c.Addresses.SelectMany(a => a.Lines.Append(a.PostalCode)))
            .Concat(c.CustomFields.Where(f => f.Key != "nickname").Select(f => f.Value.ToString()))),
        Interaction i => string.Join(" | ", new[] { i.Subject, i.Body, i.Feedback?.Comment }
            .Concat(i.Participants.SelectMany(p => new[] { p.Name, p.Address }))),
        Ticket t => string.Join(" | ", new[] { t.Subject, t.Description, t.Satisfaction?.Comment }.Concat(t.Comments.Select(c => c.Body))),
        Customer360 s => PersonalText(s.Customer),
        _ => throw new ArgumentException($"Unexpected {item.GetType()}.", nameof(item)),
    };

    private async Task<Seeded> SeedAsync()
    {
        _actor.Current = CrmActor.System;
        var customer = await Crm.Customers.CreateAsync(SecretCustomer("Ada Lovelace") with { ExternalIds = new Dictionary<string, string> { ["erp"] = $"C-{Guid.NewGuid():N}" } });
        var chinese = await Crm.Customers.CreateAsync(TestDrafts.Customer("张伟") with { GivenName = "伟", FamilyName = "张" });
        var interaction = await Crm.Interactions.CreateAsync(TestDrafts.Interaction(customer.Id, InteractionKind.Email) with
        {
            Subject = "Engine plans",
            Body = "Sketches of the analytical engine.",
            Participants = [new Participant("Charles Babbage", "charles@babbage.example", "from")],
        });
        var ticket = await Crm.Tickets.CreateAsync(TestDrafts.Ticket(customer.Id, subject: "Broken gear") with { Description = "Call me at home after six." });
        await Crm.Tickets.AddCommentAsync(ticket.Id, "agent", "Call me back, Ada.");
        var resolved = await Crm.Tickets.CreateAsync(TestDrafts.Ticket(customer.Id, subject: "Broken gear too"));
        await Crm.Tickets.ChangeStatusAsync(resolved.Id, TicketStatus.Open);
        await Crm.Tickets.ChangeStatusAsync(resolved.Id, TicketStatus.Resolved);
        var pipeline = await Crm.Pipelines.FindByNameAsync("Sales") ?? await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
        var deal = await Crm.Deals.CreateAsync(TestDrafts.Deal(customer.Id, pipeline));
        return new Seeded(customer.Id, chinese.Id, customer.ExternalIds[0].Value, interaction.Id, ticket.Id, resolved.Id, deal.Id);
    }

    // One case per call that returns personal data (the names must match the interface methods), each returning what the call handed out.
    private IEnumerable<Call> Calls(Seeded r)
    {
        var byCustomer = new InteractionFilter { CustomerId = r.Customer };
        var tickets = new TicketFilter { CustomerId = r.Customer };
        Call Read(string name, Func<Task<IEnumerable<object>>> run) => new(name, true, async () => [.. await run()]);
        Call Write(string name, Func<Task<IEnumerable<object>>> run) => new(name, false, async () => [.. await run()]);

        yield return Read("ICustomerService.GetAsync", async () => [await Crm.Customers.GetAsync(r.Customer)]);
        yield return Read("ICustomerService.FindAsync", async () => [(await Crm.Customers.FindAsync(r.Customer))!]);
        yield return Read("ICustomerService.FindByEmailAsync", async () => await Crm.Customers.FindByEmailAsync(Email));
        yield return Read("ICustomerService.FindByPhoneAsync", async () => await Crm.Customers.FindByPhoneAsync("+86 138 1234 5678"));
        yield return Read("ICustomerService.FindByExternalIdAsync", async () => [(await Crm.Customers.FindByExternalIdAsync("erp", r.ExternalId))!]);
        yield return Read("ICustomerService.ListAsync", async () => (await Crm.Customers.ListAsync(new CustomerFilter { NamePrefix = "Ada" }, PageRequest.First)).Items);
        yield return Read("ICustomerService.StreamAsync", async () => await Crm.Customers.StreamAsync(CustomerFilter.All).ToListAsync());
        yield return Read("ICustomerService.GetSummaryAsync", async () => [await Crm.Customers.GetSummaryAsync(r.Customer)]);
        yield return Write("ICustomerService.CreateAsync", async () => [await Crm.Customers.CreateAsync(SecretCustomer("Ada Lovelace"))]);
        yield return Write("ICustomerService.ChangeLifecycleStageAsync", async () => [await Crm.Customers.ChangeLifecycleStageAsync(r.Customer, LifecycleStage.Prospect)]);
        yield return Write("ICustomerService.AssignOwnerAsync", async () => [await Crm.Customers.AssignOwnerAsync(r.Customer, "cleo")]);

        yield return Read("IInteractionService.GetAsync", async () => [await Crm.Interactions.GetAsync(r.Interaction)]);
        yield return Read("IInteractionService.FindAsync", async () => [(await Crm.Interactions.FindAsync(r.Interaction))!]);
        yield return Read("IInteractionService.ListAsync", async () => (await Crm.Interactions.ListAsync(byCustomer, PageRequest.First)).Items);
        yield return Read("IInteractionService.StreamAsync", async () => await Crm.Interactions.StreamAsync(byCustomer).ToListAsync());
        yield return Write("IInteractionService.CreateAsync", async () => [await Crm.Interactions.CreateAsync(TestDrafts.Interaction(r.Customer) with { Subject = "Engine plans" })]);
        yield return Write("IInteractionService.CreateManyAsync", async () => await Crm.Interactions.CreateManyAsync([TestDrafts.Interaction(r.Customer) with { Body = "Sketches" }]));
        yield return Write("IInteractionService.LinkToDealAsync", async () => [await Crm.Interactions.LinkToDealAsync(r.Interaction, r.Deal)]);
        yield return Write("IInteractionService.LinkToTicketAsync", async () => [await Crm.Interactions.LinkToTicketAsync(r.Interaction, r.Ticket)]);

        yield return Read("ITicketService.GetAsync", async () => [await Crm.Tickets.GetAsync(r.Ticket)]);
        yield return Read("ITicketService.FindAsync", async () => [(await Crm.Tickets.FindAsync(r.Ticket))!]);
        yield return Read("ITicketService.ListAsync", async () => (await Crm.Tickets.ListAsync(tickets, PageRequest.First)).Items);
        yield return Read("ITicketService.StreamAsync", async () => await Crm.Tickets.StreamAsync(tickets).ToListAsync());
        yield return Write("ITicketService.CreateAsync", async () => [await Crm.Tickets.CreateAsync(TestDrafts.Ticket(r.Customer, subject: "Broken gear"))]);
        yield return Write("ITicketService.AssignAsync", async () => [await Crm.Tickets.AssignAsync(r.Ticket, "cleo")]);
        yield return Write("ITicketService.AddCommentAsync", async () => [await Crm.Tickets.AddCommentAsync(r.Ticket, "cleo", "Call me, Ada")]);
        yield return Write("ITicketService.ChangeStatusAsync", async () => [await Crm.Tickets.ChangeStatusAsync(r.Ticket, TicketStatus.Open)]);
        yield return Write("ITicketService.RateAsync", async () => [await Crm.Tickets.RateAsync(r.Resolved, 5, "Lovely")]);

        yield return Read("IDuplicateService.FindMatchesAsync", async () => (await Crm.Duplicates.FindMatchesAsync(SecretCustomer("Ada Lovelace"))).Select(m => m.Customer));
        yield return Read("IDuplicateService.FindMatchesAsync", async () => (await Crm.Duplicates.FindMatchesAsync(r.Customer)).Select(m => m.Customer));
        yield return Write("IDuplicateService.MergeAsync", async () =>
        {
            var survivor = await Crm.Customers.CreateAsync(SecretCustomer("Ada Lovelace"));
            var duplicate = await Crm.Customers.CreateAsync(SecretCustomer("Ada Lovelace"));
            return [(await Crm.Duplicates.MergeAsync(survivor.Id, duplicate.Id)).Survivor];
        });

        yield return Write("ICrmUnitOfWork.CreateCustomerAsync", () => InUnitOfWorkAsync(async uow => await uow.CreateCustomerAsync(SecretCustomer("Ada Lovelace"))));
        yield return Write("ICrmUnitOfWork.CreateInteractionAsync", () => InUnitOfWorkAsync(async uow => await uow.CreateInteractionAsync(TestDrafts.Interaction(r.Customer) with { Subject = "Engine plans" })));
        yield return Write("ICrmUnitOfWork.CreateTicketAsync", () => InUnitOfWorkAsync(async uow => await uow.CreateTicketAsync(TestDrafts.Ticket(r.Customer, subject: "Broken gear"))));
    }

    private async Task<IEnumerable<object>> InUnitOfWorkAsync(Func<ICrmUnitOfWork, Task<object>> create)
    {
        var uow = Crm.BeginUnitOfWork();
        var created = await create(uow);
        await uow.CommitAsync();
        return [created];
    }

    private async Task<long> HeadAsync()
    {
        var actor = _actor.Current;
        _actor.Current = CrmActor.System;
        var head = (await Audit.ListAsync(AuditFilter.All, new PageRequest(1000))).Items.Select(e => e.Sequence).DefaultIfEmpty(0).Max();
        _actor.Current = actor;
        return head;
    }

    private async Task<List<AuditEntry>> EntriesAfterAsync(long sequence)
    {
        var actor = _actor.Current;
        _actor.Current = CrmActor.System;
        var entries = (await Audit.ListAsync(AuditFilter.All, new PageRequest(1000))).Items.Where(e => e.Sequence > sequence).OrderBy(e => e.Sequence).ToList();
        _actor.Current = actor;
        return entries;
    }

    private sealed record Seeded(CustomerId Customer, CustomerId Chinese, string ExternalId, InteractionId Interaction, TicketId Ticket, TicketId Resolved, DealId Deal)
    {
        // For the names of the cases only: its calls are never run.
        public static Seeded None { get; } = new(default, default, string.Empty, default, default, default, default);
    }

    private sealed record Call(string Name, bool IsRead, Func<Task<List<object>>> Run);

    private sealed class TestActorAccessor : ICrmActorAccessor
    {
        public CrmActor? Current { get; set; } = CrmActor.System;
    }
}
