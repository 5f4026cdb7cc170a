// Crm.Sdk quick start: builds a small, real story in crm.db (or the path given as the first argument) through the
// public API only, then prints a customer 360° view, two pages of her timeline and the pipeline summary.
// The docs (docs/articles/getting-started.md) quote the regions marked <name> ... </name> below.
using Crm.Sdk;
using Crm.Sdk.Audit;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Encryption;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Samples.QuickStart;
using Crm.Sdk.Security;
using Crm.Sdk.Tickets;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

// <database>
// The story is rebuilt on every run, so a database left by an earlier run is deleted first (with its WAL files).
// Nothing has opened it yet in this process, so no connection holds it.
var path = args.Length > 0 ? args[0] : "crm.db";
if (File.Exists(path))
{
    Console.WriteLine($"Found an existing {path} from an earlier run: starting afresh.");
    foreach (var file in new[] { path, path + "-wal", path + "-shm" })
    {
        File.Delete(file);
    }
}
else
{
    Console.WriteLine($"Creating {path}.");
}
// </database>

// <development-key>
// Personal data is encrypted before it reaches the database. Two development keys are generated once and kept next to
// the database: the root key, which wraps each customer's data key, and the blind-index key, which makes emails, phones
// and names searchable. NOT for production, where keys come from a secret store or a KMS and never sit beside the data.
var developmentKey = DevelopmentKey(path + ".key");
var developmentIndexKey = DevelopmentKey(path + ".index-key");

static string DevelopmentKey(string keyPath)
{
    if (!File.Exists(keyPath))
    {
        File.WriteAllText(keyPath, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        Console.WriteLine($"Generated a development encryption key in {keyPath} (not for production).");
    }
    else
    {
        Console.WriteLine($"Using the development encryption key in {keyPath} (not for production).");
    }

    return File.ReadAllText(keyPath).Trim();
}

// </development-key>

// In production the key that wraps the data keys can stay in a KMS or HSM (Azure Key Vault, AWS KMS, Vault Transit…):
// implement IKeyEncryptionKeyProvider / IKeyEncryptionKey (KeyId, WrapKeyAsync, UnwrapKeyAsync) over its client, register
// it with services.AddSingleton<IKeyEncryptionKeyProvider>(...), and give the blind indexes a key of their own:
//   .AddFieldEncryption(e => e.BlindIndexKeys.Add(new BlindIndexKeyOptions { Id = "idx-2025", Base64Key = secretFromVault }))
// No root key is configured then; docs/articles/field-encryption.md ("Keeping the KEK in a KMS") shows it.

// <registration>
var services = new ServiceCollection();
services
    .AddCrm(options =>
    {
        // National phone numbers ("020 7946 0018") are read as UK numbers.
        options.DefaultPhoneRegion = "GB";

        // A custom field the host defines for every customer; values are checked against it on each write.
        options.CustomFields.Add(new CustomFieldDefinition("tier", "Loyalty tier", CustomFieldType.Choice, choices: ["gold", "silver", "bronze"]));
    })
    .UseSqlite(path)
    .AddFieldEncryption(encryption =>
    {
        encryption.RootKeys.Add(new RootKeyOptions { Id = "dev", Base64Key = developmentKey });
        encryption.BlindIndexKeys.Add(new BlindIndexKeyOptions { Id = "dev-index", Base64Key = developmentIndexKey });

        // A new database holds only the current format: refuse any record that is not (see field-encryption.md).
        encryption.LegacyRecords = LegacyRecordHandling.Refuse;
    })
    .AddAccessControl()  // every call checks who is acting (the built-in roles)
    .AddAuditTrail();    // and every change and denied attempt is recorded, hash-chained

// Who is acting: a real host sets it per request or per job; this story acts as an administrator.
var actor = new StoryActor { Current = new CrmActor("admin-ann", roles: [BuiltInRoles.Administrator]) };
services.AddSingleton<ICrmActorAccessor>(actor);

await using var provider = services.BuildServiceProvider();
var crm = provider.GetRequiredService<ICrm>();

// The SDK reads time from NodaTime's IClock (the system clock unless the host registers another one).
var now = provider.GetRequiredService<IClock>().GetCurrentInstant();
// </registration>

// <customers>
var ada = await crm.Customers.CreateAsync(new CustomerDraft
{
    Kind = CustomerKind.Person,
    GivenName = "Ada",
    FamilyName = "Lovelace",
    Emails = [new ContactDraft { Value = "ada@example.com", Label = "work" }],
    Phones = ["020 7946 0018"],
    Addresses =
    [
        new PostalAddressDraft
        {
            Kind = AddressKind.Home,
            Lines = ["12 St James's Square"],
            City = "London",
            PostalCode = "SW1Y 4JH",
            Country = "GB",
        },
    ],
    Tags = ["vip", "newsletter"],
    CustomFields = new Dictionary<string, CustomFieldValue> { ["tier"] = CustomFieldValue.Choice("gold") },
    LifecycleStage = LifecycleStage.Customer,
    OwnerId = "rep-mary",
    ExternalIds = new Dictionary<string, string> { ["erp"] = "C-10023" },
    Consents = [new ConsentRecord(ConsentChannel.Email, ConsentStatus.Granted, now - Duration.FromDays(30), "web-form")],
});

var engines = await crm.Customers.CreateAsync(new CustomerDraft
{
    Kind = CustomerKind.Company,
    CompanyName = "Analytical Engines Ltd",
    Emails = ["orders@analytical-engines.example"],
    Phones = ["+44 161 496 0000"],
    Tags = ["b2b"],
    LifecycleStage = LifecycleStage.Prospect,
    ExternalIds = new Dictionary<string, string> { ["erp"] = "C-20417" },
});

// The host finds its own records again by the ids of its ERP.
var found = await crm.Customers.FindByExternalIdAsync("erp", "C-10023");
Console.WriteLine($"Created {ada.DisplayName} and {engines.DisplayName}; ERP id C-10023 is {found?.DisplayName}.");
// </customers>

// <interactions>
// A week with Ada, recorded in one batch (one transaction). OccurredAt is when it happened, not when it was recorded.
Instant Ago(int days, int hours = 0) => now - Duration.FromDays(days) - Duration.FromHours(hours);

var week = await crm.Interactions.CreateManyAsync(
[
    new InteractionDraft
    {
        CustomerId = ada.Id, Kind = InteractionKind.Email, Channel = InteractionChannel.Email, Direction = InteractionDirection.Inbound,
        OccurredAt = Ago(6, 5), Subject = "Question about the engine upgrade",
        Participants = [new Participant("Ada Lovelace", "ada@example.com", "from")],
    },
    new InteractionDraft
    {
        CustomerId = ada.Id, Kind = InteractionKind.Email, Channel = InteractionChannel.Email, Direction = InteractionDirection.Outbound,
        OccurredAt = Ago(6, 2), Subject = "Re: Question about the engine upgrade",
    },
    new InteractionDraft
    {
        CustomerId = ada.Id, Kind = InteractionKind.Call, Channel = InteractionChannel.Phone, Direction = InteractionDirection.Outbound,
        OccurredAt = Ago(5, 4), Subject = "Discovery call", Body = "Wants the upgrade before the spring lectures.",
    },
    new InteractionDraft
    {
        CustomerId = ada.Id, Kind = InteractionKind.BehaviourEvent, Channel = InteractionChannel.Web, Direction = InteractionDirection.Inbound,
        OccurredAt = Ago(4, 6),
        BehaviourEvent = new BehaviourEventDetail("page-view", new Dictionary<string, string> { ["url"] = "/pricing", ["campaign"] = "spring-launch" }),
    },
    new InteractionDraft
    {
        CustomerId = ada.Id, Kind = InteractionKind.Meeting, Channel = InteractionChannel.InPerson, Direction = InteractionDirection.Outbound,
        OccurredAt = Ago(3, 7), Subject = "Proposal walkthrough",
    },
    new InteractionDraft
    {
        CustomerId = ada.Id, Kind = InteractionKind.Purchase, Channel = InteractionChannel.Web, Direction = InteractionDirection.Inbound,
        OccurredAt = Ago(3, 1), Transaction = new TransactionDetail("SO-2041", Money.Of(1_250m, "GBP")),
    },
    new InteractionDraft
    {
        CustomerId = ada.Id, Kind = InteractionKind.Chat, Channel = InteractionChannel.Chat, Direction = InteractionDirection.Inbound,
        OccurredAt = Ago(2, 5), Subject = "Where is my delivery?",
    },
    new InteractionDraft
    {
        CustomerId = ada.Id, Kind = InteractionKind.Feedback, Channel = InteractionChannel.Web, Direction = InteractionDirection.Inbound,
        OccurredAt = Ago(2, 2),
        Feedback = new FeedbackDetail(FeedbackCategory.Complaint, Rating: 2, Scale: RatingScale.FiveStar, Comment: "The crate arrived damaged."),
    },
    new InteractionDraft
    {
        CustomerId = ada.Id, Kind = InteractionKind.Refund, Channel = InteractionChannel.Web, Direction = InteractionDirection.Outbound,
        OccurredAt = Ago(1, 3), Transaction = new TransactionDetail("RF-2041-1", Money.Of(150m, "GBP")),
    },
    new InteractionDraft
    {
        CustomerId = ada.Id, Kind = InteractionKind.Note, Channel = InteractionChannel.Other, Direction = InteractionDirection.Internal,
        OccurredAt = Ago(0, 2), Subject = "Offered a goodwill discount on the maintenance plan",
    },
]);
Console.WriteLine($"Recorded {week.Count} interactions with {ada.DisplayName} over the past week.");
// </interactions>

// <pipeline>
var pipeline = await crm.Pipelines.CreateAsync(new PipelineDraft { Name = "New business", Stages = [
        new PipelineStageDraft { Name = "Qualification", Probability = 0.10m },
        new PipelineStageDraft { Name = "Proposal", Probability = 0.40m },
        new PipelineStageDraft { Name = "Negotiation", Probability = 0.70m },
        new PipelineStageDraft { Name = "Won", Probability = 1m, Outcome = StageOutcome.ClosedWon },
        new PipelineStageDraft { Name = "Lost", Probability = 0m, Outcome = StageOutcome.ClosedLost },
    ] });

// Stage ids are made when the pipeline is created; look them up by name.
Id<PipelineStage> Stage(string name) => pipeline.FindStage(name)!.Id;
// </pipeline>

// <deals>
var today = now.InUtc().Date;
var upgrade = await crm.Deals.CreateAsync(new DealDraft { CustomerId = ada.Id, PipelineId = pipeline.Id, Name = "Engine upgrade", Amount = Money.Of(12_000m, "GBP"), ExpectedCloseDate = today.PlusDays(14), OwnerId = "rep-mary" });
upgrade = await crm.Deals.MoveToStageAsync(upgrade.Id, Stage("Proposal"));
upgrade = await crm.Deals.MoveToStageAsync(upgrade.Id, Stage("Negotiation"));
upgrade = await crm.Deals.WinAsync(upgrade.Id);
Console.WriteLine($"Deal '{upgrade.Name}' is {upgrade.Status} after {upgrade.StageHistory.Count} stages.");

var maintenance = await crm.Deals.CreateAsync(new DealDraft { CustomerId = ada.Id, PipelineId = pipeline.Id, Name = "Maintenance plan", Amount = Money.Of(2_400m, "GBP"), InitialStageId = Stage("Proposal"), ExpectedCloseDate = today.PlusDays(30) });

// A rule of the domain is a typed error: a won deal cannot move.
try
{
    await crm.Deals.MoveToStageAsync(upgrade.Id, Stage("Proposal"));
}
catch (DomainRuleException ex) when (ex.Rule == "deal-closed")
{
    Console.WriteLine($"As expected, the won deal stays won: {ex.Message}");
}
// </deals>

// <unit-of-work>
// A new customer, the first deal and a note: written together in one transaction, or not at all.
var uow = crm.BeginUnitOfWork();
var charles = await uow.CreateCustomerAsync(new CustomerDraft
{
    GivenName = "Charles",
    FamilyName = "Babbage",
    Emails = ["charles@example.org"],
    LifecycleStage = LifecycleStage.Prospect,
});
var firstDeal = await uow.CreateDealAsync(new DealDraft { CustomerId = charles.Id, PipelineId = pipeline.Id, Name = "Difference engine No. 2", Amount = Money.Of(3_500m, "GBP") });
await uow.CreateInteractionAsync(new InteractionDraft
{
    CustomerId = charles.Id, Kind = InteractionKind.Note, Channel = InteractionChannel.Other, Direction = InteractionDirection.Internal,
    Subject = "Met at the Royal Society; wants a demonstration.",
});
await uow.CommitAsync();
Console.WriteLine($"Created {charles.DisplayName}, a deal in {pipeline.GetStage(firstDeal.StageId).Name} and a note in one unit of work.");
// </unit-of-work>

// <ticket>
var ticket = await crm.Tickets.CreateAsync(new TicketDraft
{
    CustomerId = ada.Id,
    Type = TicketType.Complaint,
    Priority = TicketPriority.High,
    Subject = "Delivery arrived damaged",
    Description = "The crate of order SO-2041 was split and a gear is bent.",
});
ticket = await crm.Tickets.AssignAsync(ticket.Id, "agent-grace");
ticket = await crm.Tickets.ChangeStatusAsync(ticket.Id, TicketStatus.Open);
ticket = await crm.Tickets.AddCommentAsync(ticket.Id, "agent-grace", "Sorry about that! A replacement gear is on its way.");
ticket = await crm.Tickets.AddCommentAsync(ticket.Id, "agent-grace", "Carrier claim filed; refund of GBP 150 issued.", isInternal: true);
ticket = await crm.Tickets.ChangeStatusAsync(ticket.Id, TicketStatus.Resolved);
ticket = await crm.Tickets.RateAsync(ticket.Id, 4, "Quick and friendly.");
Console.WriteLine($"Ticket '{ticket.Subject}' is {ticket.Status}, rated {ticket.Satisfaction?.Rating}/5, with {ticket.Comments.Count} comments.");
// </ticket>

// <customer-360>
var view = await crm.Customers.GetSummaryAsync(ada.Id);
var profile = view.Customer;

Show.Heading($"Customer 360°: {profile.DisplayName}");
Console.Write(new TextTable("Field", "Value")
    .Add("Kind", profile.Kind.ToString())
    .Add("Lifecycle stage", profile.LifecycleStage.ToString())
    .Add("Owner", profile.OwnerId ?? "-")
    .Add("Primary email", profile.PrimaryEmail?.Value ?? "-")
    .Add("Phone (E.164)", string.Join(", ", profile.Phones.Select(p => p.Number.E164)))
    .Add("City", string.Join(", ", profile.Addresses.Select(a => $"{a.City} ({a.Country})")))
    .Add("Tags", string.Join(", ", profile.Tags))
    .Add("Loyalty tier", profile.CustomFields.GetValueOrDefault("tier") is ChoiceFieldValue tier ? tier.Value : "-")
    .Add("External ids", string.Join(", ", profile.ExternalIds.Select(e => e.Key)))
    .Add("Email marketing", profile.HasConsent(ConsentChannel.Email) ? "consented" : "no consent")
    .Add("Last contact", Show.Time(view.LastContactAt))
    .Add("Purchases", Show.Amounts(view.TotalPurchases))
    .Add("Refunds", Show.Amounts(view.TotalRefunds))
    .Add("Open deals", $"{Show.Number(view.OpenDeals)} ({Show.Amounts(view.OpenDealAmount)})")
    .Add("Open tickets", Show.Number(view.OpenTickets))
    .Add("Satisfaction", Show.Satisfaction(view.AverageSatisfaction, view.SatisfactionRatings)));

var counts = new TextTable("Interactions", "Count").AlignRight(1);
foreach (var (kind, count) in view.InteractionCounts.OrderBy(c => c.Key))
{
    counts.Add(kind.ToString(), Show.Number(count));
}

Console.WriteLine();
Console.Write(counts);
// </customer-360>

// <timeline>
// Newest first, five at a time; the continuation token of one page fetches the next.
var page = await crm.Interactions.ListAsync(InteractionFilter.ForCustomer(ada.Id), new PageRequest(PageSize: 5));
PrintTimelinePage("Timeline, page 1 (newest five)", page);

page = await crm.Interactions.ListAsync(InteractionFilter.ForCustomer(ada.Id), new PageRequest(PageSize: 5, page.ContinuationToken));
PrintTimelinePage("Timeline, page 2 (from the continuation token)", page);

static void PrintTimelinePage(string title, Page<Interaction> page)
{
    Show.Heading(title);
    var table = new TextTable("When", "Kind", "Channel", "Direction", "What");
    foreach (var interaction in page.Items)
    {
        table.Add(
            Show.Time(interaction.OccurredAt),
            interaction.Kind.ToString(),
            interaction.Channel.ToString(),
            interaction.Direction.ToString(),
            Show.Summary(interaction));
    }

    Console.Write(table);
    Console.WriteLine(page.HasMore ? "  More: yes (pass page.ContinuationToken for the next page)" : "  More: no, this is the last page");
}
// </timeline>

// <pipeline-summary>
var summary = await crm.Pipelines.GetSummaryAsync(pipeline.Id);

Show.Heading($"Pipeline summary: {summary.Pipeline.Name}");
var stages = new TextTable("Stage", "Win chance", "Deals", "Amount", "Weighted").AlignRight(1, 2, 3, 4);
foreach (var row in summary.Stages)
{
    stages.Add(row.Stage.Name, Show.Percent(row.Stage.Probability), Show.Number(row.DealCount), Show.Amounts(row.Amount), Show.Amounts(row.WeightedAmount));
}

Console.Write(stages);
Console.WriteLine($"  Forecast (weighted amount of the open stages): {Show.Amounts(summary.OpenWeightedAmount)}");
// </pipeline-summary>

// <access-control>
// A sales rep may reach only the customers they own: reading Ada (owned by rep-mary) is denied, and nothing is returned.
actor.Current = new CrmActor("rep-john", roles: [BuiltInRoles.SalesRep]);
try
{
    await crm.Customers.GetAsync(ada.Id);
}
catch (AccessDeniedException denied)
{
    Console.WriteLine();
    Console.WriteLine($"As expected, {denied.Message}");
}

// The auditor's role does not see personal data: Ada comes back masked (and a masked copy cannot be saved).
actor.Current = new CrmActor("audit-alice", roles: [BuiltInRoles.Auditor]);
var masked = await crm.Customers.GetAsync(ada.Id);
Console.WriteLine($"The auditor sees {masked.DisplayName}, {masked.PrimaryEmail}.");

// The audit trail recorded the attempt; the auditor reads it (entries hold ids and field names, never personal values).
var audit = provider.GetRequiredService<IAuditTrail>();
var entries = await audit.ListAsync(new AuditFilter { RecordId = ada.Id.Value }, new PageRequest(100));
Show.Heading($"Audit trail of {ada.Id}");
var log = new TextTable("#", "Actor", "Action", "Outcome", "Changed");
foreach (var entry in entries.Items)
{
    log.Add(Show.Number(entry.Sequence), entry.ActorId, entry.Action.ToString(), entry.Outcome.ToString(), string.Join(", ", entry.Fields));
}

Console.Write(log);
Console.WriteLine($"  Chain intact: {(await audit.VerifyAsync()).IsIntact}");
// </access-control>

Console.WriteLine();
Console.WriteLine($"Done. The story is in {Path.GetFullPath(path)}; run again to start afresh.");

/// <summary>The story's actor: who is acting now, set as the story goes (a host sets it per request or per job).</summary>
internal sealed class StoryActor : ICrmActorAccessor
{
    public CrmActor? Current { get; set; }
}
