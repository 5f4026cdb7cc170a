using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using Crm.Sdk.Tickets;

namespace Crm.Sdk;

/// <summary>
/// The default <see cref="ICrmUnitOfWork"/>, also used by every service for its single calls, so that one call and
/// one unit of work follow the same path: validate, collect, commit once with the references checked in the same transaction.
/// </summary>
internal sealed class CrmUnitOfWork(CrmStore store, CrmContext context) : ICrmUnitOfWork
{
    private readonly DocumentSession _session = store.OpenSession();
    private readonly HashSet<Guid> _createdCustomers = [];
    private readonly HashSet<Guid> _referencedCustomers = [];

    private readonly Dictionary<Guid, Pipeline> _createdPipelines = [];
    private readonly Dictionary<Guid, CustomerId> _createdDeals = [];
    private readonly Dictionary<Guid, CustomerId> _createdTickets = [];
    private readonly List<Interaction> _linkedInteractions = [];

    public Task<Customer> CreateCustomerAsync(CustomerDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = context.Now();
        var customer = context.Customers.Attach(Customer.Create(draft, CustomerId.New(now), now, context.CustomerPolicy));
        _session.Insert(context.Customers, customer);
        _createdCustomers.Add(customer.Id.Value);
        return Task.FromResult(customer);
    }

    public Task<Interaction> CreateInteractionAsync(InteractionDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = context.Now();
        var interaction = context.Interactions.Attach(Interaction.Record(draft, InteractionId.New(now), now));
        Add(interaction);
        return Task.FromResult(interaction);
    }

    public Task<Pipeline> CreatePipelineAsync(PipelineDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = context.Now();
        var pipeline = context.Pipelines.Attach(Pipeline.Create(draft, PipelineId.New(now), now));
        _session.Insert(context.Pipelines, pipeline);
        _createdPipelines.Add(pipeline.Id.Value, pipeline);
        return Task.FromResult(pipeline);
    }

    public async Task<Deal> CreateDealAsync(DealDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        PipelineId.ThrowIfEmpty(draft.PipelineId, nameof(DealDraft.PipelineId));
        var pipeline = _createdPipelines.GetValueOrDefault(draft.PipelineId.Value)
            ?? await store.GetAsync(context.Pipelines, draft.PipelineId.Value, cancellationToken).ConfigureAwait(false);
        var now = context.Now();
        var deal = context.Deals.Attach(Deal.Create(draft, pipeline, DealId.New(now), now));
        _session.Insert(context.Deals, deal);
        _referencedCustomers.Add(deal.CustomerId.Value);
        _createdDeals.Add(deal.Id.Value, deal.CustomerId);
        return deal;
    }

    public Task<Ticket> CreateTicketAsync(TicketDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = context.Now();
        var ticket = context.Tickets.Attach(Ticket.Open(draft, TicketId.New(now), now));
        _session.Insert(context.Tickets, ticket);
        _referencedCustomers.Add(ticket.CustomerId.Value);
        _createdTickets.Add(ticket.Id.Value, ticket.CustomerId);
        return Task.FromResult(ticket);
    }

    public void Update(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        customer.Touch(context.Now());
        _session.Update(context.Customers, customer);
    }

    public void Update(Pipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.Touch(context.Now());
        _session.Update(context.Pipelines, pipeline);
    }

    public void Update(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        deal.Touch(context.Now());
        _session.Update(context.Deals, deal);
    }

    public void Update(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ticket.Touch(context.Now());
        _session.Update(context.Tickets, ticket);
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        // Each referenced customer is required inside the commit's transaction, not checked before it: a customer deleted
        // concurrently can then never be left with a new interaction, deal or ticket (the provider keeps a required
        // document from being deleted until the commit ends).
        _referencedCustomers.ExceptWith(_createdCustomers);
        foreach (var customerId in _referencedCustomers)
        {
            _session.Add(DocumentWrite.Require(CustomerMapping.CollectionName, customerId));
        }

        _referencedCustomers.Clear();
        await RequireLinksAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _session.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (EntityNotFoundException ex) when (ex.EntityType == CustomerMapping.CollectionName)
        {
            throw new EntityNotFoundException(nameof(Customer), ex.Id);
        }
    }

    internal void Add(Interaction interaction)
    {
        _session.Insert(context.Interactions, interaction);
        _referencedCustomers.Add(interaction.CustomerId.Value);
        if (interaction.DealId is not null || interaction.TicketId is not null)
        {
            _linkedInteractions.Add(interaction);
        }
    }

    /// <summary>Throws unless a linked deal or ticket belongs to the interaction's customer.</summary>
    /// <exception cref="DomainRuleException">It belongs to another customer (rule <c>other-customer</c>).</exception>
    internal static void RequireSameCustomer(Interaction interaction, CustomerId owner, string what)
    {
        if (owner != interaction.CustomerId)
        {
            throw new DomainRuleException("other-customer", $"The {what} belongs to another customer than the interaction.");
        }
    }

    /// <summary>
    /// Checks the deal and ticket each new interaction names: it must exist (<see cref="EntityNotFoundException"/>) and
    /// belong to the interaction's customer; a record not created in this unit of work is also required inside the
    /// commit's transaction, so it cannot disappear before the interaction is written. A deal's or ticket's customer never changes.
    /// </summary>
    private async Task RequireLinksAsync(CancellationToken cancellationToken)
    {
        foreach (var interaction in _linkedInteractions)
        {
            if (interaction.DealId is { } dealId)
            {
                await RequireLinkAsync(interaction, "deal", DealMapping.CollectionName, dealId.Value, _createdDeals, async () => (await store.GetAsync(context.Deals, dealId.Value, cancellationToken).ConfigureAwait(false)).CustomerId).ConfigureAwait(false);
            }

            if (interaction.TicketId is { } ticketId)
            {
                await RequireLinkAsync(interaction, "ticket", TicketMapping.CollectionName, ticketId.Value, _createdTickets, async () => (await store.GetAsync(context.Tickets, ticketId.Value, cancellationToken).ConfigureAwait(false)).CustomerId).ConfigureAwait(false);
            }
        }

        _linkedInteractions.Clear();
    }

    private async Task RequireLinkAsync(Interaction interaction, string what, string collection, Guid id, Dictionary<Guid, CustomerId> created, Func<Task<CustomerId>> loadOwner)
    {
        if (created.TryGetValue(id, out var owner))
        {
            RequireSameCustomer(interaction, owner, what);
            return;
        }

        RequireSameCustomer(interaction, await loadOwner().ConfigureAwait(false), what);
        _session.Add(DocumentWrite.Require(collection, id));
    }

    internal void Update(Interaction interaction) => _session.Update(context.Interactions, interaction);

    internal void Delete(Customer customer) => _session.Delete(context.Customers, customer);

    internal void Add(DocumentWrite write) => _session.Add(write);

    internal void AddAuditEntry(Audit.AuditAction action, Security.CrmResource resource, Guid recordId) => _session.AddAuditEntry(action, resource, recordId);
}
