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
}
