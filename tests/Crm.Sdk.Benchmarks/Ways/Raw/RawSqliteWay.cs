using System.Text.Json;
using Crm.Sdk.Benchmarks.Data;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Tickets;
using Microsoft.Data.Sqlite;

namespace Crm.Sdk.Benchmarks.Ways.Raw;

/// <summary>
/// Hand-written Microsoft.Data.Sqlite: one open connection, prepared statements kept for the whole run, one transaction
/// per batch, WAL with the same synchronous mode as the SDK, and the indexes the queries need. The practical limit.
/// </summary>
internal sealed class RawSqliteWay : IWay
{
    private static readonly string[] KindNames = Enum.GetNames<InteractionKind>().Select(n => n.ToLowerInvariant()).ToArray();

    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private Guid[] _customers = [];
    private Guid _pipeline;

    public RawSqliteWay(string path, bool normalSync)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute($"PRAGMA journal_mode = WAL; PRAGMA synchronous = {(normalSync ? "NORMAL" : "FULL")};");
    }

    public string Key => "raw";

    public string Title => "raw SQLite";

    public Task SetupAsync(DataGenerator data)
    {
        Execute(RawSchema.Sql);
        var now = DateTimeOffset.UtcNow;
        var customers = data.Customers();
        _customers = new Guid[customers.Count];
        using (var transaction = _connection.BeginTransaction())
        {
            var insert = Command("INSERT INTO customers (id, email, body) VALUES (@id, @email, @body)", transaction);
            foreach (var row in customers)
            {
                var id = Guid.CreateVersion7();
                _customers[row.Index] = id;
                var body = new RawDocuments.Customer
                {
                    GivenName = row.GivenName,
                    FamilyName = row.FamilyName,
                    DisplayName = row.GivenName + " " + row.FamilyName,
                    Emails = [row.Email],
                    Phones = [row.Phone],
                    City = row.City,
                    Tags = ["bench"],
                    Stage = row.Stage,
                    OwnerId = row.OwnerId,
                    CreatedAt = now,
                };
                Run(insert, Bytes(id), row.Email.ToLowerInvariant(), JsonSerializer.Serialize(body, RawJson.Default.Customer));
            }

            _pipeline = Guid.CreateVersion7();
            var pipeline = new RawDocuments.Pipeline
            {
                Name = "Sales",
                Stages = [.. DataGenerator.Stages.Select(s => new RawDocuments.Stage { Id = Guid.CreateVersion7(), Name = s.Name, Probability = s.Probability, Outcome = s.Outcome.ToString() })],
            };
            Run(Command("INSERT INTO pipelines (id, body) VALUES (@id, @body)", transaction), Bytes(_pipeline), JsonSerializer.Serialize(pipeline, RawJson.Default.Pipeline));

            var deals = Command(
                "INSERT INTO deals (id, customer_id, pipeline_id, stage_id, status, amount, currency, body) VALUES (@id, @c, @p, @s, 'open', @a, @cur, @body)", transaction);
            foreach (var deal in data.Deals())
            {
                var stage = pipeline.Stages[deal.StageIndex].Id;
                var body = new RawDocuments.Deal { CustomerId = _customers[deal.CustomerIndex], Name = deal.Name, Amount = deal.Amount, Currency = deal.Currency, StageId = stage, CreatedAt = now };
                Run(deals, Bytes(Guid.CreateVersion7()), Bytes(body.CustomerId), Bytes(_pipeline), Bytes(stage), ToScaled(deal.Amount), deal.Currency, JsonSerializer.Serialize(body, RawJson.Default.Deal));
            }

            foreach (var ticket in data.SetupTickets())
            {
                InsertTicket(ticket, transaction);
            }

            transaction.Commit();
        }

        return Task.CompletedTask;
    }

    public Task IngestAsync(IReadOnlyList<InteractionRow> batch)
    {
        using var transaction = _connection.BeginTransaction();
        var insert = Command(
            "INSERT INTO interactions (id, customer_id, occurred_at, kind, amount, currency, rating, body) VALUES (@id, @c, @at, @kind, @amount, @currency, @rating, @body)",
            transaction);
        var now = DateTimeOffset.UtcNow;
        foreach (var row in batch)
        {
            var customer = _customers[row.CustomerIndex];
            var body = new RawDocuments.Interaction
            {
                CustomerId = customer,
                Kind = KindNames[(int)row.Kind],
                Channel = row.Channel.ToString(),
                Direction = row.Direction.ToString(),
                OccurredAt = row.OccurredAt,
                RecordedAt = now,
                Subject = row.Subject,
                Body = row.Body,
                Participants = row.ParticipantName is null ? null : [new RawDocuments.Participant { Name = row.ParticipantName, Address = row.ParticipantAddress, Role = "contact" }],
                OrderReference = row.OrderReference,
                Amount = row.Amount,
                Currency = row.Currency,
                FeedbackCategory = row.FeedbackCategory?.ToString(),
                Rating = row.Rating,
                FeedbackComment = row.FeedbackComment,
                EventName = row.EventName,
                EventProperties = row.EventName is null ? null : new Dictionary<string, string> { ["path"] = "/products" },
            };
            Run(insert,
                Bytes(Guid.CreateVersion7(now)),
                Bytes(customer),
                row.OccurredAt.UtcTicks,
                body.Kind,
                row.Amount is { } amount ? ToScaled(amount) : null,
                row.Currency,
                row.Rating,
                JsonSerializer.Serialize(body, RawJson.Default.Interaction));
        }

        transaction.Commit();
        return Task.CompletedTask;
    }

    public Task<TimelinePage> TimelinePageAsync(int customer, object? cursor)
    {
        SqliteCommand command;
        if (cursor is (long at, byte[] lastId))
        {
            command = Command("SELECT id, occurred_at, body FROM interactions WHERE customer_id = @c AND (occurred_at, id) < (@at, @id) ORDER BY occurred_at DESC, id DESC LIMIT 51");
            Bind(command, Bytes(_customers[customer]), at, lastId);
        }
        else
        {
            command = Command("SELECT id, occurred_at, body FROM interactions WHERE customer_id = @c ORDER BY occurred_at DESC, id DESC LIMIT 51");
            Bind(command, Bytes(_customers[customer]));
        }

        var items = new List<RawDocuments.Interaction>(51);
        (long, byte[])? last = null;
        var more = false;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (items.Count == 50)
                {
                    more = true;
                    break;
                }

                items.Add(JsonSerializer.Deserialize(reader.GetString(2), RawJson.Default.Interaction)!);
                last = (reader.GetInt64(1), (byte[])reader.GetValue(0));
            }
        }

        var check = items.Sum(i => i.OccurredAt.ToUnixTimeSeconds());
        return Task.FromResult(new TimelinePage(items.Count, check, more ? last : null));
    }

    public Task<int> FindByEmailAsync(string email)
    {
        var command = Command("SELECT id, body FROM customers WHERE email = @e");
        Bind(command, email.Trim().ToLowerInvariant());
        var found = new List<RawDocuments.Customer>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                found.Add(JsonSerializer.Deserialize(reader.GetString(1), RawJson.Default.Customer)!);
            }
        }

        return Task.FromResult(found.Count);
    }

    public Task<SummaryCheck> SummaryAsync(int customer)
    {
        var id = Bytes(_customers[customer]);
        var profile = Command("SELECT body FROM customers WHERE id = @id");
        Bind(profile, id);
        _ = JsonSerializer.Deserialize((string)profile.ExecuteScalar()!, RawJson.Default.Customer)!;

        // One pass over the customer's interactions: counts, last time, money and ratings per kind and currency.
        var interactions = Command(
            "SELECT kind, currency, count(*), max(occurred_at), sum(amount), count(rating), sum(rating) FROM interactions WHERE customer_id = @c GROUP BY kind, currency");
        Bind(interactions, id);
        long count = 0, ratings = 0, ratingSum = 0;
        long? lastAt = null;
        var purchases = new Dictionary<string, decimal>(StringComparer.Ordinal);
        using (var reader = interactions.ExecuteReader())
        {
            while (reader.Read())
            {
                count += reader.GetInt64(2);
                lastAt = Math.Max(lastAt ?? 0, reader.GetInt64(3));
                ratings += reader.GetInt64(5);
                ratingSum += reader.IsDBNull(6) ? 0 : reader.GetInt64(6);
                if (reader.GetString(0) == "purchase")
                {
                    var currency = reader.GetString(1);
                    purchases[currency] = purchases.GetValueOrDefault(currency) + (reader.GetInt64(4) / RawSchema.AmountScale);
                }
            }
        }

        var deals = Command("SELECT currency, count(*), sum(amount) FROM deals WHERE customer_id = @c AND status = 'open' GROUP BY currency");
        Bind(deals, id);
        long openDeals = 0;
        var openAmount = new Dictionary<string, decimal>(StringComparer.Ordinal);
        using (var reader = deals.ExecuteReader())
        {
            while (reader.Read())
            {
                openDeals += reader.GetInt64(1);
                openAmount[reader.GetString(0)] = reader.GetInt64(2) / RawSchema.AmountScale;
            }
        }

        var tickets = Command("SELECT is_open, count(*), count(rating), sum(rating) FROM tickets WHERE customer_id = @c GROUP BY is_open");
        Bind(tickets, id);
        long openTickets = 0;
        using (var reader = tickets.ExecuteReader())
        {
            while (reader.Read())
            {
                openTickets += reader.GetInt64(0) == 1 ? reader.GetInt64(1) : 0;
                ratings += reader.GetInt64(2);
                ratingSum += reader.IsDBNull(3) ? 0 : reader.GetInt64(3);
            }
        }

        _ = (lastAt, ratings == 0 ? (double?)null : (double)ratingSum / ratings, openAmount);
        return Task.FromResult(new SummaryCheck(count + openDeals + openTickets, purchases.GetValueOrDefault("EUR")));
    }

    public Task<SummaryCheck> PipelineSummaryAsync()
    {
        var read = Command("SELECT body FROM pipelines WHERE id = @id");
        Bind(read, Bytes(_pipeline));
        var pipeline = JsonSerializer.Deserialize((string)read.ExecuteScalar()!, RawJson.Default.Pipeline)!;
        var rows = Command("SELECT stage_id, currency, count(*), sum(amount) FROM deals WHERE pipeline_id = @p GROUP BY stage_id, currency");
        Bind(rows, Bytes(_pipeline));
        var byStage = new Dictionary<Guid, List<(string Currency, long Count, decimal Amount)>>();
        using (var reader = rows.ExecuteReader())
        {
            while (reader.Read())
            {
                var stage = new Guid((byte[])reader.GetValue(0), bigEndian: true);
                if (!byStage.TryGetValue(stage, out var list))
                {
                    byStage[stage] = list = [];
                }

                list.Add((reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3) / RawSchema.AmountScale));
            }
        }

        long deals = 0;
        decimal weightedEur = 0;
        foreach (var stage in pipeline.Stages)
        {
            foreach (var (currency, count, amount) in byStage.GetValueOrDefault(stage.Id) ?? [])
            {
                deals += count;
                if (currency == "EUR" && stage.Outcome == nameof(StageOutcome.Open))
                {
                    weightedEur += amount * stage.Probability;
                }
            }
        }

        return Task.FromResult(new SummaryCheck(deals, weightedEur));
    }

    public Task TicketLifecycleAsync(TicketRow ticket)
    {
        var id = InsertTicket(ticket, null);
        ChangeTicketStatus(id, TicketStatus.Open);
        ChangeTicketStatus(id, TicketStatus.Resolved);
        return Task.CompletedTask;
    }

    public Task<SummaryCheck> ScanTimelineAsync(int customer)
    {
        var command = Command("SELECT body FROM interactions WHERE customer_id = @c ORDER BY occurred_at DESC, id DESC");
        Bind(command, Bytes(_customers[customer]));
        long count = 0, check = 0;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var item = JsonSerializer.Deserialize(reader.GetString(0), RawJson.Default.Interaction)!;
                count++;
                check += item.OccurredAt.ToUnixTimeSeconds();
            }
        }

        return Task.FromResult(new SummaryCheck(count, check));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        await _connection.DisposeAsync();
    }

    private static byte[] Bytes(Guid id) => id.ToByteArray(bigEndian: true);

    private static long ToScaled(decimal amount) => (long)(amount * RawSchema.AmountScale);

    private byte[] InsertTicket(TicketRow ticket, SqliteTransaction? transaction)
    {
        var now = DateTimeOffset.UtcNow;
        var id = Bytes(Guid.CreateVersion7(now));
        var body = new RawDocuments.Ticket
        {
            CustomerId = _customers[ticket.CustomerIndex],
            Type = ticket.Type.ToString(),
            Priority = ticket.Priority.ToString(),
            Status = nameof(TicketStatus.New),
            Subject = ticket.Subject,
            Description = ticket.Description,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var insert = Command("INSERT INTO tickets (id, version, customer_id, status, is_open, rating, body) VALUES (@id, 1, @c, @s, 1, NULL, @body)", transaction);
        Run(insert, id, Bytes(body.CustomerId), body.Status, JsonSerializer.Serialize(body, RawJson.Default.Ticket));
        return id;
    }

    private void ChangeTicketStatus(byte[] id, TicketStatus status)
    {
        var read = Command("SELECT version, body FROM tickets WHERE id = @id");
        Bind(read, id);
        long version;
        RawDocuments.Ticket body;
        using (var reader = read.ExecuteReader())
        {
            reader.Read();
            version = reader.GetInt64(0);
            body = JsonSerializer.Deserialize(reader.GetString(1), RawJson.Default.Ticket)!;
        }

        var now = DateTimeOffset.UtcNow;
        body.Status = status.ToString();
        body.UpdatedAt = now;
        body.ResolvedAt = status == TicketStatus.Resolved ? now : body.ResolvedAt;
        var update = Command("UPDATE tickets SET version = @v + 1, status = @s, is_open = @open, body = @body WHERE id = @id AND version = @v");
        Bind(update, version, body.Status, TicketWorkflow.IsOpen(status) ? 1L : 0L, JsonSerializer.Serialize(body, RawJson.Default.Ticket), id);
        if (update.ExecuteNonQuery() == 0)
        {
            throw new InvalidOperationException("The ticket changed under the benchmark (optimistic concurrency check failed).");
        }
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Transaction = transaction;
        return command;
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        if (command.Parameters.Count == 0)
        {
            // Parameters are created once, in order of first appearance, then only their values change.
            var names = System.Text.RegularExpressions.Regex.Matches(command.CommandText, "@[a-z]+").Select(m => m.Value).Distinct().ToArray();
            foreach (var name in names)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            command.Prepare();
        }

        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        Bind(command, values);
        command.ExecuteNonQuery();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
