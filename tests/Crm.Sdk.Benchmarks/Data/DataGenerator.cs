using System.Globalization;
using System.Text;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Tickets;

namespace Crm.Sdk.Benchmarks.Data;

/// <summary>
/// Deterministic data: the same seed and shape give the same rows in every way and every run. Interactions are made
/// one batch at a time (each batch from its own seeded <see cref="Random"/>), so no run ever holds them all.
/// </summary>
internal sealed class DataGenerator(DataShape shape, int seed = 20_240_601)
{
    /// <summary>All interactions happen in the two years before this instant (fixed, so runs are comparable).</summary>
    public static readonly DateTimeOffset Epoch = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<StageRow> Stages =
    [
        new("Qualify", 0.1m, StageOutcome.Open),
        new("Propose", 0.4m, StageOutcome.Open),
        new("Negotiate", 0.7m, StageOutcome.Open),
        new("Won", 1m, StageOutcome.ClosedWon),
        new("Lost", 0m, StageOutcome.ClosedLost),
    ];

    public DataShape Shape => shape;

    public IReadOnlyList<CustomerRow> Customers()
    {
        var random = new Random(seed);
        var stages = new[] { "lead", "prospect", "customer", "customer", "customer", "churned" };
        var rows = new CustomerRow[shape.Customers];
        for (var i = 0; i < rows.Length; i++)
        {
            var given = Pick(random, Words.GivenNames);
            var family = Pick(random, Words.FamilyNames);
            var local = (given + "." + family).Replace(' ', '-').ToLowerInvariant();
            var email = string.Create(CultureInfo.InvariantCulture, $"{RemoveDiacritics(local)}.{i}@{Pick(random, Words.Domains)}");
            var phone = string.Create(CultureInfo.InvariantCulture, $"+44 20 7{random.Next(100, 999)} {random.Next(1000, 9999)}");
            rows[i] = new CustomerRow(i, given, family, email, phone, Pick(random, stages), "rep-" + random.Next(1, 20).ToString(CultureInfo.InvariantCulture), Pick(random, Words.Cities));
        }

        return rows;
    }

    public IEnumerable<DealRow> Deals()
    {
        var random = new Random(seed + 1);
        for (var i = 0; i < shape.Deals; i++)
        {
            var customer = i % shape.Customers;
            var amount = Math.Round((decimal)(500 + (random.NextDouble() * 49_500)), 2);
            yield return new DealRow(customer, $"{Pick(random, Words.Topics)} for customer {customer}", amount, random.Next(10) == 0 ? "USD" : "EUR", random.Next(3));
        }
    }

    public IEnumerable<TicketRow> SetupTickets()
    {
        var random = new Random(seed + 2);
        for (var i = 0; i < shape.SetupTickets; i++)
        {
            yield return Ticket(random, (i * 2) % shape.Customers);
        }
    }

    public IEnumerable<TicketRow> LifecycleTickets()
    {
        var random = new Random(seed + 3);
        for (var i = 0; i < shape.TicketLifecycles; i++)
        {
            yield return Ticket(random, random.Next(shape.Customers));
        }
    }

    /// <summary>The customer indexes sampled by a read scenario (the same in every way).</summary>
    public int[] Sample(int count, int salt)
    {
        var random = new Random(seed + 100 + salt);
        return Enumerable.Range(0, count).Select(_ => random.Next(shape.Customers)).ToArray();
    }

    /// <summary>One batch of interactions, made when asked for.</summary>
    public List<InteractionRow> Batch(int batch)
    {
        var random = new Random(unchecked((seed * 7_919) + batch));
        var length = shape.BatchLength(batch);
        var rows = new List<InteractionRow>(length);
        for (var i = 0; i < length; i++)
        {
            rows.Add(Interaction(random));
        }

        return rows;
    }

    private InteractionRow Interaction(Random random)
    {
        var customer = random.Next(shape.Customers);
        var occurredAt = Epoch.AddSeconds(-random.Next(0, 2 * 365 * 24 * 3600)).AddMilliseconds(-random.Next(1000));
        var roll = random.Next(100);
        var kind = roll switch
        {
            < 30 => InteractionKind.Email,
            < 45 => InteractionKind.Call,
            < 55 => InteractionKind.Chat,
            < 60 => InteractionKind.Meeting,
            < 70 => InteractionKind.Note,
            < 82 => InteractionKind.Purchase,
            < 84 => InteractionKind.Refund,
            < 90 => InteractionKind.Feedback,
            _ => InteractionKind.BehaviourEvent,
        };
        var (channel, direction) = kind switch
        {
            InteractionKind.Email => (InteractionChannel.Email, random.Next(2) == 0 ? InteractionDirection.Inbound : InteractionDirection.Outbound),
            InteractionKind.Call => (InteractionChannel.Phone, InteractionDirection.Outbound),
            InteractionKind.Chat => (InteractionChannel.Chat, InteractionDirection.Inbound),
            InteractionKind.Meeting => (InteractionChannel.InPerson, InteractionDirection.Outbound),
            InteractionKind.Note => (InteractionChannel.Other, InteractionDirection.Internal),
            InteractionKind.Purchase or InteractionKind.Refund => (InteractionChannel.Web, InteractionDirection.Inbound),
            InteractionKind.Feedback => (InteractionChannel.Email, InteractionDirection.Inbound),
            _ => (InteractionChannel.Web, InteractionDirection.Inbound),
        };
        var subject = $"{Pick(random, Words.SubjectOpeners)} {Pick(random, Words.Topics)} #{random.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture)}";
        var hasBody = kind is InteractionKind.Email or InteractionKind.Call or InteractionKind.Chat or InteractionKind.Meeting or InteractionKind.Note;
        var hasParticipant = kind is InteractionKind.Email or InteractionKind.Call or InteractionKind.Meeting;
        var money = kind is InteractionKind.Purchase or InteractionKind.Refund;
        var feedback = kind == InteractionKind.Feedback;
        return new InteractionRow(
            customer,
            kind,
            channel,
            direction,
            occurredAt,
            subject,
            hasBody ? Text(random, 150, 600) : null,
            hasParticipant ? $"{Pick(random, Words.GivenNames)} {Pick(random, Words.FamilyNames)}" : null,
            hasParticipant ? $"contact{random.Next(1000).ToString(CultureInfo.InvariantCulture)}@{Pick(random, Words.Domains)}" : null,
            money ? "ORD-" + random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture) : null,
            money ? Math.Round((decimal)(5 + (random.NextDouble() * 995)), 2) : null,
            money ? (random.Next(10) == 0 ? "USD" : "EUR") : null,
            feedback ? (FeedbackCategory)random.Next(4) : null,
            feedback ? random.Next(1, 6) : null,
            feedback ? Text(random, 40, 200) : null,
            kind == InteractionKind.BehaviourEvent ? Pick(random, Words.Events) : null);
    }

    private static TicketRow Ticket(Random random, int customer) =>
        new(customer, (TicketType)random.Next(4), (TicketPriority)random.Next(4),
            $"{Pick(random, Words.SubjectOpeners)} {Pick(random, Words.Topics)}", Text(random, 100, 400));

    private static string Text(Random random, int min, int max)
    {
        var length = random.Next(min, max);
        var text = new StringBuilder(max + 16);
        while (text.Length < length)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(Pick(random, Words.Filler));
        }

        text[0] = char.ToUpperInvariant(text[0]);
        return text.Append('.').ToString();
    }

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];

    private static string RemoveDiacritics(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray();
        return new string(kept).Normalize(NormalizationForm.FormC);
    }
}
