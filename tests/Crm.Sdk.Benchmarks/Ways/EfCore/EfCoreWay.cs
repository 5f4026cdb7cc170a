using Crm.Sdk.Benchmarks.Data;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Benchmarks.Ways.EfCore;

/// <summary>
/// EF Core with Microsoft.EntityFrameworkCore.Sqlite as a host would use it: a new DbContext per operation (pooled
/// connections), AddRange + SaveChanges per batch, AsNoTracking queries, WAL with the same synchronous mode as the SDK.
/// </summary>
internal sealed class EfCoreWay : IWay
{
    private readonly DbContextOptions<BenchDbContext> _options;
    private readonly string _connectionString;
    private Guid[] _customers = [];
    private Guid _pipeline;

    public EfCoreWay(string path, bool normalSync)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        _options = new DbContextOptionsBuilder<BenchDbContext>()
            .UseSqlite(_connectionString)
            .AddInterceptors(new SynchronousPragma(normalSync ? "NORMAL" : "FULL"))
            .Options;
    }

    public string Key => "efcore";

    public string Title => "EF Core";

    public async Task SetupAsync(DataGenerator data)
    {
        await using (var db = New())
        {
            await db.Database.EnsureCreatedAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        }

        var now = DateTime.UtcNow;
        var customers = data.Customers();
        _customers = new Guid[customers.Count];
        foreach (var chunk in customers.Chunk(500))
        {
            await using var db = New();
            foreach (var row in chunk)
            {
                var customer = new EfEntities.Customer
                {
                    Id = Guid.CreateVersion7(),
                    GivenName = row.GivenName,
                    FamilyName = row.FamilyName,
                    DisplayName = row.GivenName + " " + row.FamilyName,
                    Email = row.Email.ToLowerInvariant(),
                    Phone = row.Phone,
                    City = row.City,
                    Stage = row.Stage,
                    OwnerId = row.OwnerId,
                    CreatedAt = now,
                };
                _customers[row.Index] = customer.Id;
                db.Customers.Add(customer);
            }

            await db.SaveChangesAsync();
        }

        var pipeline = new EfEntities.Pipeline
        {
            Id = Guid.CreateVersion7(),
            Name = "Sales",
            Stages = [.. DataGenerator.Stages.Select((s, i) => new EfEntities.Stage { Id = Guid.CreateVersion7(), Position = i, Name = s.Name, Probability = s.Probability, Outcome = s.Outcome })],
        };
        _pipeline = pipeline.Id;
        await using (var db = New())
        {
            db.Pipelines.Add(pipeline);
            await db.SaveChangesAsync();
        }

        foreach (var chunk in data.Deals().Chunk(500))
        {
            await using var db = New();
            db.Deals.AddRange(chunk.Select(d => new EfEntities.Deal
            {
                Id = Guid.CreateVersion7(),
                CustomerId = _customers[d.CustomerIndex],
                PipelineId = pipeline.Id,
                StageId = pipeline.Stages[d.StageIndex].Id,
                Status = DealStatus.Open,
                Name = d.Name,
                Amount = d.Amount,
                Currency = d.Currency,
                CreatedAt = now,
            }));
            await db.SaveChangesAsync();
        }

        foreach (var chunk in data.SetupTickets().Chunk(500))
        {
            await using var db = New();
            db.Tickets.AddRange(chunk.Select(NewTicket));
            await db.SaveChangesAsync();
        }
    }

    public async Task IngestAsync(IReadOnlyList<InteractionRow> batch)
    {
        var now = DateTime.UtcNow;
        await using var db = New();
        db.Interactions.AddRange(batch.Select(row => new EfEntities.Interaction
        {
            Id = Guid.CreateVersion7(),
            CustomerId = _customers[row.CustomerIndex],
            Kind = row.Kind,
            Channel = row.Channel,
            Direction = row.Direction,
            OccurredAt = row.OccurredAt.UtcDateTime,
            RecordedAt = now,
            Subject = row.Subject,
            Body = row.Body,
            ParticipantName = row.ParticipantName,
            ParticipantAddress = row.ParticipantAddress,
            OrderReference = row.OrderReference,
            Amount = row.Amount,
            Currency = row.Currency,
            FeedbackCategory = row.FeedbackCategory,
            Rating = row.Rating,
            FeedbackComment = row.FeedbackComment,
            EventName = row.EventName,
        }));
        await db.SaveChangesAsync();
    }

    public async Task<TimelinePage> TimelinePageAsync(int customer, object? cursor)
    {
        var id = _customers[customer];
        await using var db = New();
        var query = db.Interactions.AsNoTracking().Where(i => i.CustomerId == id);
        if (cursor is (DateTime at, Guid lastId))
        {
            query = query.Where(i => i.OccurredAt < at || (i.OccurredAt == at && i.Id.CompareTo(lastId) < 0));
        }

        var items = await query.OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id).Take(51).ToListAsync();
        var more = items.Count > 50;
        if (more)
        {
            items.RemoveAt(50);
        }

        var check = items.Sum(i => new DateTimeOffset(i.OccurredAt, TimeSpan.Zero).ToUnixTimeSeconds());
        return new TimelinePage(items.Count, check, more ? (items[^1].OccurredAt, items[^1].Id) : null);
    }

    public async Task<int> FindByEmailAsync(string email)
    {
        var normalized = email.Trim().ToLowerInvariant();
        await using var db = New();
        return (await db.Customers.AsNoTracking().Where(c => c.Email == normalized).ToListAsync()).Count;
    }

    public async Task<SummaryCheck> SummaryAsync(int customer)
    {
        var id = _customers[customer];
        await using var db = New();
        _ = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == id);
        var interactions = await db.Interactions.Where(i => i.CustomerId == id)
            .GroupBy(i => new { i.Kind, i.Currency })
            .Select(g => new
            {
                g.Key.Kind,
                g.Key.Currency,
                Count = g.LongCount(),
                Last = g.Max(i => i.OccurredAt),
                Amount = g.Sum(i => i.Amount),
                Ratings = g.Count(i => i.Rating != null),
                RatingSum = g.Sum(i => i.Rating),
            })
            .ToListAsync();
        var deals = await db.Deals.Where(d => d.CustomerId == id && d.Status == DealStatus.Open)
            .GroupBy(d => d.Currency)
            .Select(g => new { Currency = g.Key, Count = g.LongCount(), Amount = g.Sum(d => d.Amount) })
            .ToListAsync();
        var tickets = await db.Tickets.Where(t => t.CustomerId == id)
            .GroupBy(t => t.IsOpen)
            .Select(g => new { IsOpen = g.Key, Count = g.LongCount(), Ratings = g.Count(t => t.Rating != null), RatingSum = g.Sum(t => t.Rating) })
            .ToListAsync();

        var count = interactions.Sum(r => r.Count) + deals.Sum(d => d.Count) + tickets.Where(t => t.IsOpen).Sum(t => t.Count);
        var purchasesEur = interactions.Where(r => r.Kind == InteractionKind.Purchase && r.Currency == "EUR").Sum(r => r.Amount ?? 0m);
        return new SummaryCheck(count, purchasesEur);
    }

    public async Task<SummaryCheck> PipelineSummaryAsync()
    {
        await using var db = New();
        var pipeline = await db.Pipelines.AsNoTracking().Include(p => p.Stages).FirstAsync(p => p.Id == _pipeline);
        var rows = await db.Deals.Where(d => d.PipelineId == _pipeline)
            .GroupBy(d => new { d.StageId, d.Currency })
            .Select(g => new { g.Key.StageId, g.Key.Currency, Count = g.LongCount(), Amount = g.Sum(d => d.Amount) })
            .ToListAsync();
        long deals = 0;
        decimal weightedEur = 0;
        foreach (var stage in pipeline.Stages.OrderBy(s => s.Position))
        {
            foreach (var row in rows.Where(r => r.StageId == stage.Id))
            {
                deals += row.Count;
                if (row.Currency == "EUR" && stage.Outcome == StageOutcome.Open)
                {
                    weightedEur += row.Amount * stage.Probability;
                }
            }
        }

        return new SummaryCheck(deals, weightedEur);
    }

    public async Task TicketLifecycleAsync(TicketRow ticket)
    {
        var entity = NewTicket(ticket);
        await using (var db = New())
        {
            db.Tickets.Add(entity);
            await db.SaveChangesAsync();
        }

        await ChangeStatusAsync(entity.Id, TicketStatus.Open);
        await ChangeStatusAsync(entity.Id, TicketStatus.Resolved);
    }

    public async Task<SummaryCheck> ScanTimelineAsync(int customer)
    {
        var id = _customers[customer];
        await using var db = New();
        long count = 0, check = 0;
        await foreach (var item in db.Interactions.AsNoTracking().Where(i => i.CustomerId == id)
            .OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id).AsAsyncEnumerable())
        {
            count++;
            check += new DateTimeOffset(item.OccurredAt, TimeSpan.Zero).ToUnixTimeSeconds();
        }

        return new SummaryCheck(count, check);
    }

    public ValueTask DisposeAsync()
    {
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        return ValueTask.CompletedTask;
    }

    private async Task ChangeStatusAsync(Guid id, TicketStatus status)
    {
        await using var db = New();
        var ticket = await db.Tickets.FirstAsync(t => t.Id == id);
        var now = DateTime.UtcNow;
        ticket.Status = status;
        ticket.IsOpen = TicketWorkflow.IsOpen(status);
        ticket.UpdatedAt = now;
        ticket.ResolvedAt = status == TicketStatus.Resolved ? now : ticket.ResolvedAt;
        ticket.Version++;
        await db.SaveChangesAsync();
    }

    private EfEntities.Ticket NewTicket(TicketRow row)
    {
        var now = DateTime.UtcNow;
        return new EfEntities.Ticket
        {
            Id = Guid.CreateVersion7(),
            CustomerId = _customers[row.CustomerIndex],
            Type = row.Type,
            Priority = row.Priority,
            Status = TicketStatus.New,
            IsOpen = true,
            Subject = row.Subject,
            Description = row.Description,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
    }

    private BenchDbContext New() => new(_options);
}
