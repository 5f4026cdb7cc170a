using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Security;
using Crm.Sdk.Storage;
using Crm.Sdk.Tickets;

namespace Crm.Sdk;

/// <summary>
/// The default <see cref="ICrmUnitOfWork"/>, also used by every service for its single calls, so that one call and
/// one unit of work follow the same path: validate, collect, commit once with the references checked in the same transaction.
/// </summary>
/// <remarks>
/// Access control: each create checks the action on the new record's owner before the record joins the unit of work
/// (a customer, deal or ticket created without an owner or assignee is reached only at level All, so a rep or manager
/// must name an owner in scope; nothing is changed silently); an interaction follows its customer's owner. Each public
/// update is checked when the unit of work commits, against the stored record's owner (never the caller's copy, so a
/// record cannot be moved into scope by editing it) and against the new owner (a record cannot be given away out of
/// scope). A denied check throws <see cref="AccessDeniedException"/> before anything is written. A unit of work for
/// <see cref="UnitOfWorkPurpose.Import"/> checks <see cref="CrmAction.Import"/> the same way as well, and its commit adds
/// one <see cref="Audit.AuditAction.Import"/> entry per resource written, naming the records created or changed.
/// Personal data: the records the creates return are handed out through <see cref="Disclosure"/> (a masked copy for an
/// actor who does not see personal data; the commit writes the draft as validated), and an update of a masked copy throws
/// <see cref="MaskedDataException"/> at once, before it joins the unit of work.
/// </remarks>
internal sealed class CrmUnitOfWork(CrmStore store, CrmContext context, UnitOfWorkPurpose purpose = UnitOfWorkPurpose.Changes) : ICrmUnitOfWork
{
    private readonly Dictionary<CrmResource, List<Guid>> _imported = [];

    private readonly DocumentSession _session = store.OpenSession();
    private readonly Dictionary<Guid, string?> _createdCustomers = [];

    // The owners of stored customers read for access checks in this unit of work (read once, however many records follow them).
    private readonly Dictionary<Guid, string?> _storedCustomerOwners = [];
    private readonly List<PendingUpdate> _updates = [];
    private readonly HashSet<Guid> _referencedCustomers = [];

    private readonly Dictionary<Guid, Pipeline> _createdPipelines = [];
    private readonly Dictionary<Guid, CustomerId> _createdDeals = [];
    private readonly Dictionary<Guid, CustomerId> _createdTickets = [];
    private readonly List<Interaction> _linkedInteractions = [];

    public async Task<Customer> CreateCustomerAsync(CustomerDraft draft, CancellationToken cancellationToken = default) =>
        context.Access.Written(await AddCustomerAsync(draft, cancellationToken).ConfigureAwait(false));

    public async Task<Interaction> CreateInteractionAsync(InteractionDraft draft, CancellationToken cancellationToken = default) =>
        context.Access.Written(await AddInteractionAsync(draft, cancellationToken).ConfigureAwait(false));

    public async Task<Ticket> CreateTicketAsync(TicketDraft draft, CancellationToken cancellationToken = default) =>
        context.Access.Written(await AddTicketAsync(draft, cancellationToken).ConfigureAwait(false));

    /// <summary>Creates a customer and returns the instance the commit writes (a service hands it out after the commit, see <see cref="Disclosure"/>).</summary>
    internal async Task<Customer> AddCustomerAsync(CustomerDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = context.Now();
        var customer = context.Customers.Attach(Customer.Create(draft, CustomerId.New(now), now, context.CustomerPolicy));
        await context.Access.ThrowIfDeniedAsync(CrmResource.Customers, CrmAction.Create, customer.Id.Value, customer.OwnerId, cancellationToken).ConfigureAwait(false);
        await ThrowIfImportDeniedAsync(CrmResource.Customers, customer.Id.Value, customer.OwnerId, cancellationToken).ConfigureAwait(false);
        _session.Insert(context.Customers, customer);
        _createdCustomers.Add(customer.Id.Value, customer.OwnerId);
        return customer;
    }

    /// <summary>Records an interaction and returns the instance the commit writes.</summary>
    internal async Task<Interaction> AddInteractionAsync(InteractionDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = context.Now();
        var interaction = context.Interactions.Attach(Interaction.Record(draft, InteractionId.New(now), now));
        await ThrowIfDeniedOnCustomersAsync(CrmResource.Interactions, CrmAction.Create, [interaction], cancellationToken).ConfigureAwait(false);
        if (purpose == UnitOfWorkPurpose.Import)
        {
            await ThrowIfDeniedOnCustomersAsync(CrmResource.Interactions, CrmAction.Import, [interaction], cancellationToken).ConfigureAwait(false);
            Imported(CrmResource.Interactions, interaction.Id.Value);
        }

        Add(interaction);
        return interaction;
    }

    public async Task<Pipeline> CreatePipelineAsync(PipelineDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = context.Now();
        var pipeline = context.Pipelines.Attach(Pipeline.Create(draft, PipelineId.New(now), now));
        await context.Access.ScopeAsync(CrmResource.Pipelines, CrmAction.Create, cancellationToken).ConfigureAwait(false);
        await ThrowIfImportDeniedAsync(CrmResource.Pipelines, pipeline.Id.Value, null, cancellationToken).ConfigureAwait(false);
        _session.Insert(context.Pipelines, pipeline);
        _createdPipelines.Add(pipeline.Id.Value, pipeline);
        return pipeline;
    }

    public async Task<Deal> CreateDealAsync(DealDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        PipelineId.ThrowIfEmpty(draft.PipelineId, nameof(DealDraft.PipelineId));
        var pipeline = _createdPipelines.GetValueOrDefault(draft.PipelineId.Value)
            ?? await store.GetAsync(context.Pipelines, draft.PipelineId.Value, cancellationToken).ConfigureAwait(false);
        var now = context.Now();
        var deal = context.Deals.Attach(Deal.Create(draft, pipeline, DealId.New(now), now));
        await context.Access.ThrowIfDeniedAsync(CrmResource.Deals, CrmAction.Create, deal.Id.Value, deal.OwnerId, cancellationToken).ConfigureAwait(false);
        await ThrowIfImportDeniedAsync(CrmResource.Deals, deal.Id.Value, deal.OwnerId, cancellationToken).ConfigureAwait(false);
        _session.Insert(context.Deals, deal);
        _referencedCustomers.Add(deal.CustomerId.Value);
        _createdDeals.Add(deal.Id.Value, deal.CustomerId);
        return deal;
    }

    /// <summary>Opens a ticket and returns the instance the commit writes.</summary>
    internal async Task<Ticket> AddTicketAsync(TicketDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = context.Now();
        var ticket = context.Tickets.Attach(Ticket.Open(draft, TicketId.New(now), now));
        await context.Access.ThrowIfDeniedAsync(CrmResource.Tickets, CrmAction.Create, ticket.Id.Value, ticket.AssigneeId, cancellationToken).ConfigureAwait(false);
        await ThrowIfImportDeniedAsync(CrmResource.Tickets, ticket.Id.Value, ticket.AssigneeId, cancellationToken).ConfigureAwait(false);
        _session.Insert(context.Tickets, ticket);
        _referencedCustomers.Add(ticket.CustomerId.Value);
        _createdTickets.Add(ticket.Id.Value, ticket.CustomerId);
        return ticket;
    }

    public void Update(Customer customer)
    {
        Disclosure.ThrowIfMasked(customer);
        Update(customer, new PendingUpdate(CrmResource.Customers, customer.Id.Value, () => customer.OwnerId));
    }

    public void Update(Pipeline pipeline)
    {
        Disclosure.ThrowIfMasked(pipeline);
        Update(pipeline, new PendingUpdate(CrmResource.Pipelines, pipeline.Id.Value, () => null));
    }

    public void Update(Deal deal)
    {
        Disclosure.ThrowIfMasked(deal);
        Update(deal, new PendingUpdate(CrmResource.Deals, deal.Id.Value, () => deal.OwnerId));
    }

    public void Update(Ticket ticket)
    {
        Disclosure.ThrowIfMasked(ticket);
        Update(ticket, new PendingUpdate(CrmResource.Tickets, ticket.Id.Value, () => ticket.AssigneeId));
    }

    /// <summary>Updates a customer whose stored owner the caller already checked the update against.</summary>
    internal void Update(Customer customer, string? storedOwnerId) =>
        Update(customer, new PendingUpdate(CrmResource.Customers, customer.Id.Value, () => customer.OwnerId) { StoredOwnerId = storedOwnerId, StoredOwnerKnown = true });

    /// <summary>Updates a deal whose stored owner the caller already checked the update against.</summary>
    internal void Update(Deal deal, string? storedOwnerId) =>
        Update(deal, new PendingUpdate(CrmResource.Deals, deal.Id.Value, () => deal.OwnerId) { StoredOwnerId = storedOwnerId, StoredOwnerKnown = true });

    /// <summary>Updates a ticket whose stored assignee the caller already checked the update against.</summary>
    internal void Update(Ticket ticket, string? storedAssigneeId) =>
        Update(ticket, new PendingUpdate(CrmResource.Tickets, ticket.Id.Value, () => ticket.AssigneeId) { StoredOwnerId = storedAssigneeId, StoredOwnerKnown = true });

    /// <summary>Updates a customer, deal, ticket or pipeline without an access check: the caller checked a wider action (erase).</summary>
    internal void UpdateUnchecked<T>(T aggregate)
        where T : class => Update(aggregate, null);

    private void Update<T>(T aggregate, PendingUpdate? check)
        where T : class
    {
        switch (aggregate)
        {
            case Customer customer:
                customer.Touch(context.Now());
                _session.Update(context.Customers, customer);
                break;
            case Pipeline pipeline:
                pipeline.Touch(context.Now());
                _session.Update(context.Pipelines, pipeline);
                break;
            case Deal deal:
                deal.Touch(context.Now());
                _session.Update(context.Deals, deal);
                break;
            case Ticket ticket:
                ticket.Touch(context.Now());
                _session.Update(context.Tickets, ticket);
                break;
        }

        if (check is not null)
        {
            _updates.Add(check);
            if (purpose == UnitOfWorkPurpose.Import)
            {
                Imported(check.Resource, check.Id);
            }
        }
    }

    /// <summary>For an import: checks <see cref="CrmAction.Import"/> on a new record and remembers it for the batch's audit entry.</summary>
    private async Task ThrowIfImportDeniedAsync(CrmResource resource, Guid recordId, string? ownerId, CancellationToken cancellationToken)
    {
        if (purpose != UnitOfWorkPurpose.Import)
        {
            return;
        }

        await context.Access.ThrowIfDeniedAsync(resource, CrmAction.Import, recordId, ownerId, cancellationToken).ConfigureAwait(false);
        Imported(resource, recordId);
    }

    private void Imported(CrmResource resource, Guid recordId)
    {
        if (!_imported.TryGetValue(resource, out var ids))
        {
            _imported[resource] = ids = [];
        }

        ids.Add(recordId);
    }

    /// <summary>
    /// Checks every update of this unit of work before it commits: the action on the stored record's owner (read from the
    /// database unless the caller checked it) and on the owner the record will have. Skipped at level All.
    /// </summary>
    private async Task CheckUpdatesAsync(CancellationToken cancellationToken)
    {
        CrmAction[] actions = purpose == UnitOfWorkPurpose.Import ? [CrmAction.Update, CrmAction.Import] : [CrmAction.Update];
        foreach (var update in _updates)
        {
            foreach (var action in actions)
            {
                var scope = await context.Access.ScopeAsync(update.Resource, action, cancellationToken).ConfigureAwait(false);
                if (scope.IsAll || update.Resource == CrmResource.Pipelines)
                {
                    continue;
                }

                var newOwner = update.NewOwnerId();
                var storedOwner = update.StoredOwnerKnown ? update.StoredOwnerId : await StoredOwnerAsync(update.Resource, update.Id, newOwner, cancellationToken).ConfigureAwait(false);
                await context.Access.ThrowUnlessAllowsAsync(scope, update.Resource, action, update.Id, storedOwner, cancellationToken).ConfigureAwait(false);
                await context.Access.ThrowUnlessAllowsAsync(scope, update.Resource, action, update.Id, newOwner, cancellationToken).ConfigureAwait(false);
            }
        }

        _updates.Clear();
    }

    // The owner of the stored record (a record no longer stored fails the commit anyway: its new owner is checked).
    private async Task<string?> StoredOwnerAsync(CrmResource resource, Guid id, string? newOwner, CancellationToken cancellationToken) => resource switch
    {
        CrmResource.Customers => await store.FindAsync(context.Customers, id, cancellationToken).ConfigureAwait(false) is { } c ? c.OwnerId : newOwner,
        CrmResource.Deals => await store.FindAsync(context.Deals, id, cancellationToken).ConfigureAwait(false) is { } d ? d.OwnerId : newOwner,
        CrmResource.Tickets => await store.FindAsync(context.Tickets, id, cancellationToken).ConfigureAwait(false) is { } t ? t.AssigneeId : newOwner,
        _ => newOwner,
    };

    /// <summary>
    /// Checks an action on records that follow their customer's owner (interactions), once per customer: the customer
    /// created in this unit of work, or the stored one (the stored customers' owners read in one query, and kept for the
    /// rest of the unit of work). A customer that does not exist is left to the commit, which requires it.
    /// </summary>
    internal async Task ThrowIfDeniedOnCustomersAsync(CrmResource resource, CrmAction action, IReadOnlyCollection<Interaction> records, CancellationToken cancellationToken)
    {
        var scope = await context.Access.ScopeAsync(resource, action, cancellationToken).ConfigureAwait(false);
        if (scope.IsAll)
        {
            return;
        }

        var unknown = records.Select(r => r.CustomerId.Value).Where(id => !_createdCustomers.ContainsKey(id) && !_storedCustomerOwners.ContainsKey(id)).ToHashSet();
        if (unknown.Count > 0)
        {
            foreach (var (id, owner) in await store.CustomerOwnersAsync(unknown, cancellationToken).ConfigureAwait(false))
            {
                _storedCustomerOwners[id] = owner;
            }
        }

        foreach (var record in records.DistinctBy(r => r.CustomerId))
        {
            var customerId = record.CustomerId.Value;
            if (_createdCustomers.TryGetValue(customerId, out var owner) || _storedCustomerOwners.TryGetValue(customerId, out owner))
            {
                await context.Access.ThrowUnlessAllowsAsync(scope, resource, action, record.Id.Value, owner, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        // Each referenced customer is required inside the commit's transaction, not checked before it: a customer deleted
        // concurrently can then never be left with a new interaction, deal or ticket (the provider keeps a required
        // document from being deleted until the commit ends).
        await CheckUpdatesAsync(cancellationToken).ConfigureAwait(false);
        _referencedCustomers.ExceptWith(_createdCustomers.Keys);
        foreach (var customerId in _referencedCustomers)
        {
            _session.Add(DocumentWrite.Require(CustomerMapping.CollectionName, customerId));
        }

        _referencedCustomers.Clear();
        await RequireLinksAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (resource, ids) in _imported)
        {
            _session.AddAuditEntry(Audit.AuditAction.Import, resource, ids.Distinct().ToArray());
        }

        _imported.Clear();
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

    /// <summary>An update to check at commit: the record, its new owner (read at commit), and its stored owner when known.</summary>
    private sealed record PendingUpdate(CrmResource Resource, Guid Id, Func<string?> NewOwnerId)
    {
        public string? StoredOwnerId { get; init; }

        public bool StoredOwnerKnown { get; init; }
    }
}
