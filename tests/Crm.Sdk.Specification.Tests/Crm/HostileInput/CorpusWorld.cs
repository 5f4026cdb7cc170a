using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Tickets;
using FsCheck;
using FsCheck.Fluent;

namespace Crm.Sdk.Specification.Tests.Crm.HostileInput;

/// <summary>
/// The records every part of the corpus starts from, created through the public API in each part's database: two
/// customers (A and B, so that a reference can belong to another customer), two pipelines (P, and Q for a stage of
/// another pipeline), a deal, a ticket and a note of each customer.
/// </summary>
internal sealed class CorpusWorld
{
    private int _unique;

    private CorpusWorld(CorpusHost host, int seed)
    {
        Host = host;
        Seed = seed;
    }

    /// <summary>The seed of the generated parts of the corpus.</summary>
    public int Seed { get; }

    /// <summary>The host.</summary>
    public CorpusHost Host { get; }

    /// <summary>The CRM.</summary>
    public ICrm Crm => Host.Crm;

    /// <summary>Customer A, a person.</summary>
    public Customer A { get; private set; } = null!;

    /// <summary>Customer B, another person.</summary>
    public Customer B { get; private set; } = null!;

    /// <summary>Pipeline P: Qualification, Proposal, Won (closed-won), Lost (closed-lost).</summary>
    public Pipeline P { get; private set; } = null!;

    /// <summary>Pipeline Q, with stages of the same names.</summary>
    public Pipeline Q { get; private set; } = null!;

    /// <summary>An open deal of A in P.</summary>
    public Deal DealA { get; private set; } = null!;

    /// <summary>An open deal of B in P.</summary>
    public Deal DealB { get; private set; } = null!;

    /// <summary>A new ticket of A.</summary>
    public Ticket TicketA { get; private set; } = null!;

    /// <summary>A new ticket of B.</summary>
    public Ticket TicketB { get; private set; } = null!;

    /// <summary>A note of A.</summary>
    public Interaction NoteA { get; private set; } = null!;

    /// <summary>A note of B.</summary>
    public Interaction NoteB { get; private set; } = null!;

    /// <summary>Creates the records.</summary>
    /// <param name="host">The host.</param>
    /// <param name="seed">The seed of the generated parts of the corpus.</param>
    /// <returns>The world.</returns>
    public static async Task<CorpusWorld> SeedAsync(CorpusHost host, int seed)
    {
        var world = new CorpusWorld(host, seed);
        var crm = host.Crm;
        world.A = await crm.Customers.CreateAsync(new CustomerDraft
        {
            Kind = CustomerKind.Person,
            DisplayName = "Ada Lovelace",
            Emails = ["ada@example.com"],
            Phones = ["020 7946 0958"],
            Tags = ["vip"],
            ExternalIds = new Dictionary<string, string> { ["erp"] = "A-1" },
        });
        world.B = await crm.Customers.CreateAsync(new CustomerDraft { Kind = CustomerKind.Person, DisplayName = "Grace Hopper", Emails = ["grace@example.com"] });
        world.P = await crm.Pipelines.CreateAsync(PipelineDraft("Corpus pipeline"));
        world.Q = await crm.Pipelines.CreateAsync(PipelineDraft("Other pipeline"));
        world.DealA = await crm.Deals.CreateAsync(world.DealDraft(world.A.Id, "Deal of A"));
        world.DealB = await crm.Deals.CreateAsync(world.DealDraft(world.B.Id, "Deal of B"));
        world.TicketA = await crm.Tickets.CreateAsync(TicketDraft(world.A.Id, "Ticket of A"));
        world.TicketB = await crm.Tickets.CreateAsync(TicketDraft(world.B.Id, "Ticket of B"));
        world.NoteA = await crm.Interactions.CreateAsync(InteractionDraft.Note(world.A.Id, "Note of A"));
        world.NoteB = await crm.Interactions.CreateAsync(InteractionDraft.Note(world.B.Id, "Note of B"));
        return world;
    }

    /// <summary>A pipeline draft with the four standard stages.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The draft.</returns>
    public static PipelineDraft PipelineDraft(string name) => new()
    {
        Name = name,
        Stages =
        [
            new PipelineStageDraft { Name = "Qualification", Probability = 0.2m },
            new PipelineStageDraft { Name = "Proposal", Probability = 0.5m },
            new PipelineStageDraft { Name = "Won", Probability = 1m, Outcome = StageOutcome.ClosedWon },
            new PipelineStageDraft { Name = "Lost", Probability = 0m, Outcome = StageOutcome.ClosedLost },
        ],
    };

    /// <summary>A ticket draft.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="subject">The subject.</param>
    /// <returns>The draft.</returns>
    public static TicketDraft TicketDraft(CustomerId customerId, string subject = "Printer on fire") =>
        new() { CustomerId = customerId, Type = TicketType.Technical, Subject = subject };

    /// <summary>A valid person draft with a name no other draft of this world has.</summary>
    /// <returns>The draft.</returns>
    public CustomerDraft PersonDraft() => new() { Kind = CustomerKind.Person, DisplayName = $"Person {Unique()}" };

    /// <summary>A deal draft of <paramref name="customerId"/> in P.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="name">The name, or a unique one.</param>
    /// <returns>The draft.</returns>
    public DealDraft DealDraft(CustomerId customerId, string? name = null) =>
        new() { CustomerId = customerId, PipelineId = P.Id, Name = name ?? $"Deal {Unique()}", Amount = Money.Of(1000m, "EUR") };

    /// <summary>Draws <paramref name="count"/> values from <paramref name="gen"/>, the same ones for the same seed and stream.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="gen">The generator.</param>
    /// <param name="count">How many.</param>
    /// <param name="stream">Tells apart the draws of different generators.</param>
    /// <returns>The values.</returns>
    public IReadOnlyList<T> Sample<T>(Gen<T> gen, int count, int stream) =>
        gen.Sample(count, new Rnd((ulong)Seed * 1_000_003UL + (ulong)stream), 30).ToArray();

    /// <summary>A number no earlier call of this world returned (for unique names and external ids).</summary>
    /// <returns>The number.</returns>
    public int Unique() => Interlocked.Increment(ref _unique);

    /// <summary>An id of type <typeparamref name="T"/> that names no record.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <returns>The id.</returns>
    public static Id<T> Missing<T>()
        where T : class => new(Guid.CreateVersion7());

    /// <summary>Creates a fresh customer of A's kind (for calls that consume their target: delete, erase).</summary>
    /// <returns>The customer.</returns>
    public Task<Customer> NewCustomerAsync() => Crm.Customers.CreateAsync(PersonDraft());

    /// <summary>Creates a ticket of A and moves it along <paramref name="path"/>.</summary>
    /// <param name="path">The statuses, in order.</param>
    /// <returns>The ticket as stored.</returns>
    public async Task<Ticket> NewTicketAsync(params TicketStatus[] path)
    {
        var ticket = await Crm.Tickets.CreateAsync(TicketDraft(A.Id, $"Ticket {Unique()}"));
        foreach (var status in path)
        {
            ticket = await Crm.Tickets.ChangeStatusAsync(ticket.Id, status);
        }

        return ticket;
    }
}
