using Crm.Sdk.Audit;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Domain;
using Crm.Sdk.Duplicates;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Security;
using Crm.Sdk.Storage;
using Crm.Sdk.Tickets;

namespace Crm.Sdk;

/// <summary>The default <see cref="ICrm"/>: the services share one store.</summary>
internal sealed class Crm(
    CrmStore store,
    CrmContext context,
    ICustomerService customers,
    IInteractionService interactions,
    IPipelineService pipelines,
    IDealService deals,
    ITicketService tickets,
    IDuplicateService duplicates) : ICrm
{
    public ICustomerService Customers { get; } = customers;

    public IInteractionService Interactions { get; } = interactions;

    public IPipelineService Pipelines { get; } = pipelines;

    public IDealService Deals { get; } = deals;

    public ITicketService Tickets { get; } = tickets;

    public IDuplicateService Duplicates { get; } = duplicates;

    public ICrmUnitOfWork BeginUnitOfWork() => new CrmUnitOfWork(store, context);

    public ICrmUnitOfWork BeginUnitOfWork(UnitOfWorkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new CrmUnitOfWork(store, context, options.Purpose);
    }

    public async Task<ExportPermit> AuthorizeExportAsync(CrmResource resource, CancellationToken cancellationToken = default)
    {
        InputRules.ThrowIfUndefined<CrmResource>(resource, nameof(resource));
        var scope = await context.Access.ScopeAsync(resource, CrmAction.Export, cancellationToken).ConfigureAwait(false);
        if (store.Audit is { } audit)
        {
            await audit.RecordAsync([new AuditDraft(audit.CurrentActorId, AuditAction.Export, resource, AuditOutcome.Succeeded, [], [])], cancellationToken).ConfigureAwait(false);
        }

        return new ExportPermit(resource, scope);
    }
}
