using Crm.Sdk.Audit;
using Crm.Sdk.Benchmarks.Data;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Encryption;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Security;
using Crm.Sdk.Sqlite;
using Crm.Sdk.Storage;
using Crm.Sdk.Tickets;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crm.Sdk.Benchmarks.Ways;

/// <summary>
/// The SDK through its public API only: <c>AddCrm().UseSqlite(path)</c>, with or without field encryption, and (way
/// <c>sdk-rep</c>) with access control and the audit trail, acting after the setup as a sales rep whose team owns every
/// customer: the same work and results as <c>sdk</c>, with every call checked, every list filtered by the rep's scope,
/// every change and every read of personal data recorded in the audit trail.
/// </summary>
internal sealed class SdkWay : IWay
{
    /// <summary>A fixed test root key (32 bytes): the benchmark's data is throw-away.</summary>
    private const string TestRootKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private const string TestBlindIndexKey = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

    private readonly ServiceProvider _services;
    private readonly BenchActor _actor = new();
    private readonly ICrm _crm;
    private CustomerId[] _customers = [];
    private PipelineId _pipeline;

    public SdkWay(string path, bool encrypted, bool normalSync, bool restricted = false)
    {
        Encrypted = encrypted;
        Restricted = restricted;
        var builder = new ServiceCollection().AddCrm().UseSqlite(path, o => o.Synchronous = normalSync ? SqliteSynchronousMode.Normal : SqliteSynchronousMode.Full);
        if (encrypted)
        {
            builder.AddFieldEncryption(e =>
            {
                e.RootKeys.Add(new RootKeyOptions { Id = "bench", Base64Key = TestRootKey });
                e.BlindIndexKeys.Add(new BlindIndexKeyOptions { Id = "bench-index", Base64Key = TestBlindIndexKey });
                e.LegacyRecords = LegacyRecordHandling.Refuse;
            });
        }

        if (restricted)
        {
            builder.Services.AddSingleton<ICrmActorAccessor>(_actor);
            builder.AddAccessControl(a =>
            {
                a.Roles["bench-rep"] = new CrmRoleOptions()
                    .Allow(CrmResource.Customers, AccessLevel.Team, CrmAction.Read, CrmAction.Create, CrmAction.Update)
                    .Allow(CrmResource.Interactions, AccessLevel.Team, CrmAction.Read, CrmAction.Create, CrmAction.Update)
                    .Allow(CrmResource.Deals, AccessLevel.Team, CrmAction.Read, CrmAction.Create, CrmAction.Update)
                    .Allow(CrmResource.Tickets, AccessLevel.Team, CrmAction.Read, CrmAction.Create, CrmAction.Update)
                    .Allow(CrmResource.Pipelines, AccessLevel.All, CrmAction.Read);
                a.Teams["sales"] = [.. Enumerable.Range(1, 19).Select(i => "rep-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
            });
            builder.AddAuditTrail();
        }

        _services = builder.Services.BuildServiceProvider();
        _crm = _services.GetRequiredService<ICrm>();
    }

    public bool Encrypted { get; }

    public bool Restricted { get; }

    public string Key => Restricted ? "sdk-rep" : Encrypted ? "sdk" : "sdk-plain";

    public string Title => Restricted ? "SDK (sales rep)" : Encrypted ? "SDK (encrypted)" : "SDK (plain)";

    public async Task SetupAsync(DataGenerator data)
    {
        var customers = data.Customers();
        _customers = new CustomerId[customers.Count];
        foreach (var chunk in customers.Chunk(500))
        {
            var uow = _crm.BeginUnitOfWork();
            foreach (var row in chunk)
            {
                _customers[row.Index] = (await uow.CreateCustomerAsync(new CustomerDraft
                {
                    Kind = CustomerKind.Person,
                    GivenName = row.GivenName,
                    FamilyName = row.FamilyName,
                    Emails = [new ContactDraft { Value = row.Email, Label = "work" }],
                    Phones = [row.Phone],
                    Addresses = [new PostalAddressDraft { Kind = AddressKind.Work, Lines = ["1 Main Street"], City = row.City, Country = "GB" }],
                    Tags = ["bench"],
                    LifecycleStage = Enum.Parse<LifecycleStage>(row.Stage, ignoreCase: true),
                    OwnerId = row.OwnerId,
                })).Id;
            }

            await uow.CommitAsync();
        }

        var pipeline = await _crm.Pipelines.CreateAsync(new PipelineDraft { Name = "Sales", Stages = [.. DataGenerator.Stages.Select(s => new PipelineStageDraft { Name = s.Name, Probability = s.Probability, Outcome = s.Outcome })] });
        _pipeline = pipeline.Id;
        foreach (var chunk in data.Deals().Chunk(500))
        {
            var uow = _crm.BeginUnitOfWork();
            foreach (var deal in chunk)
            {
                await uow.CreateDealAsync(new DealDraft { CustomerId = _customers[deal.CustomerIndex], PipelineId = pipeline.Id, Name = deal.Name, Amount = Money.Of(deal.Amount, deal.Currency), InitialStageId = pipeline.Stages[deal.StageIndex].Id, OwnerId = "rep-1" });
            }

            await uow.CommitAsync();
        }

        foreach (var chunk in data.SetupTickets().Chunk(500))
        {
            var uow = _crm.BeginUnitOfWork();
            foreach (var ticket in chunk)
            {
                await uow.CreateTicketAsync(Draft(ticket));
            }

            await uow.CommitAsync();
        }

        // The setup is the host's own work; everything measured runs as the rep.
        _actor.Current = new CrmActor("rep-1", ["sales"], ["bench-rep"]);
    }

    public Task IngestAsync(IReadOnlyList<InteractionRow> batch)
    {
        var drafts = new InteractionDraft[batch.Count];
        for (var i = 0; i < drafts.Length; i++)
        {
            drafts[i] = Draft(batch[i]);
        }

        return _crm.Interactions.CreateManyAsync(drafts);
    }

    public async Task<TimelinePage> TimelinePageAsync(int customer, object? cursor)
    {
        var page = await _crm.Interactions.ListAsync(InteractionFilter.ForCustomer(_customers[customer]), new PageRequest(50, (string?)cursor));
        var check = 0L;
        foreach (var item in page.Items)
        {
            check += item.OccurredAt.ToUnixTimeSeconds();
        }

        return new TimelinePage(page.Items.Count, check, page.ContinuationToken);
    }

    public async Task<int> FindByEmailAsync(string email) => (await _crm.Customers.FindByEmailAsync(email)).Count;

    public async Task<SummaryCheck> SummaryAsync(int customer)
    {
        var summary = await _crm.Customers.GetSummaryAsync(_customers[customer]);
        return new SummaryCheck(
            summary.InteractionCounts.Values.Sum() + summary.OpenDeals + summary.OpenTickets,
            summary.TotalPurchases.Where(m => m.Currency == "EUR").Sum(m => m.Amount));
    }

    public async Task<SummaryCheck> PipelineSummaryAsync()
    {
        var summary = await _crm.Pipelines.GetSummaryAsync(_pipeline);
        return new SummaryCheck(
            summary.Stages.Sum(s => s.DealCount),
            summary.OpenWeightedAmount.Where(m => m.Currency == "EUR").Sum(m => m.Amount));
    }

    public async Task TicketLifecycleAsync(TicketRow ticket)
    {
        var opened = await _crm.Tickets.CreateAsync(Draft(ticket));
        await _crm.Tickets.ChangeStatusAsync(opened.Id, TicketStatus.Open);
        await _crm.Tickets.ChangeStatusAsync(opened.Id, TicketStatus.Resolved);
    }

    public async Task<SummaryCheck> ScanTimelineAsync(int customer)
    {
        long count = 0, check = 0;
        await foreach (var item in _crm.Interactions.StreamAsync(InteractionFilter.ForCustomer(_customers[customer])))
        {
            count++;
            check += item.OccurredAt.ToUnixTimeSeconds();
        }

        return new SummaryCheck(count, check);
    }

    /// <summary>Writes the audit entries of reads that wait (<c>AuditTrailOptions.ReadEntryDelay</c>): listing the trail writes them first.</summary>
    public async Task<TimeSpan> FinishDeferredWorkAsync()
    {
        if (!Restricted)
        {
            return TimeSpan.Zero;
        }

        var actor = _actor.Current;
        _actor.Current = CrmActor.System;
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            if (_services.GetService<IAuditTrail>() is { } audit) { await audit.ListAsync(AuditFilter.All, new PageRequest(1)); }
            return System.Diagnostics.Stopwatch.GetElapsedTime(started);
        }
        finally
        {
            _actor.Current = actor;
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private TicketDraft Draft(TicketRow ticket) => new()
    {
        CustomerId = _customers[ticket.CustomerIndex],
        Type = ticket.Type,
        Priority = ticket.Priority,
        Subject = ticket.Subject,
        Description = ticket.Description,
        AssigneeId = "rep-1",
    };

    private InteractionDraft Draft(InteractionRow row) => new()
    {
        CustomerId = _customers[row.CustomerIndex],
        Kind = row.Kind,
        Channel = row.Channel,
        Direction = row.Direction,
        OccurredAt = Instant.FromDateTimeOffset(row.OccurredAt),
        Subject = row.Subject,
        Body = row.Body,
        Participants = row.ParticipantName is null ? null : [new Participant(row.ParticipantName, row.ParticipantAddress, "contact")],
        Transaction = row.OrderReference is null ? null : new TransactionDetail(row.OrderReference, Money.Of(row.Amount!.Value, row.Currency!)),
        Feedback = row.FeedbackCategory is { } category ? new FeedbackDetail(category, row.Rating, RatingScale.FiveStar, row.FeedbackComment) : null,
        BehaviourEvent = row.EventName is null ? null : new BehaviourEventDetail(row.EventName, new Dictionary<string, string> { ["path"] = "/products" }),
    };
}

/// <summary>The benchmark's actor: the system actor during the setup, then the sales rep.</summary>
internal sealed class BenchActor : ICrmActorAccessor
{
    public CrmActor? Current { get; set; } = CrmActor.System;
}
