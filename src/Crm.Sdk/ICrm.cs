using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Duplicates;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Tickets;

namespace Crm.Sdk;

/// <summary>
/// The one entry point of Crm.Sdk: inject <see cref="ICrm"/> (or any of its parts on its own) after
/// <c>services.AddCrm().UseSqlite("crm.db")</c>. Thread-safe; register once per application.
/// </summary>
public interface ICrm
{
    /// <summary>Customers: profiles, search, the 360° summary.</summary>
    ICustomerService Customers { get; }

    /// <summary>Interactions: communication history, transactions, feedback, behaviour events, the timeline.</summary>
    IInteractionService Interactions { get; }

    /// <summary>Sales pipelines and their summaries.</summary>
    IPipelineService Pipelines { get; }

    /// <summary>Deals (opportunities) moving through pipelines.</summary>
    IDealService Deals { get; }

    /// <summary>Service tickets.</summary>
    ITicketService Tickets { get; }

    /// <summary>Duplicate detection (over the store, or for an incoming record), merge and undo of a merge.</summary>
    IDuplicateService Duplicates { get; }

    /// <summary>
    /// Begins a unit of work: changes to several records (for example a new customer, its first deal and a note)
    /// that commit together or not at all when <see cref="ICrmUnitOfWork.CommitAsync"/> is called.
    /// </summary>
    /// <returns>A new unit of work.</returns>
    ICrmUnitOfWork BeginUnitOfWork();

    /// <summary>
    /// Begins a unit of work for a purpose: with <see cref="UnitOfWorkPurpose.Import"/> each create and update also needs
    /// the <c>Import</c> permission, and the commit records one <c>Import</c> audit entry per resource written.
    /// </summary>
    /// <param name="options">The purpose of the unit of work.</param>
    /// <returns>A new unit of work.</returns>
    ICrmUnitOfWork BeginUnitOfWork(UnitOfWorkOptions options);

    /// <summary>
    /// Starts a bulk export of one resource by the current actor (such as <c>CrmExporter</c> of Crm.Sdk.Import): checks
    /// <see cref="Security.CrmAction.Export"/> on the resource and, when the audit trail is added, records one
    /// <c>Export</c> entry for it. Read the records through the services, whose streams keep to the actor's read scope
    /// and record the reads of personal data, and write only those whose owner the permit covers.
    /// </summary>
    /// <param name="resource">The resource to export.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The permit: which records' owners the export covers.</returns>
    /// <exception cref="Security.AccessDeniedException">The actor's roles do not grant the export (the denial is recorded).</exception>
    Task<Security.ExportPermit> AuthorizeExportAsync(Security.CrmResource resource, CancellationToken cancellationToken = default);
}
