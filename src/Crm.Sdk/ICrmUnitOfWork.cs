using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Tickets;

namespace Crm.Sdk;

/// <summary>
/// Changes to several records that commit together or not at all. Create or change records through it, then call
/// <see cref="CommitAsync"/> once; nothing is written before. If the commit fails (validation, a concurrency conflict,
/// a storage error) nothing is written and the records keep their previous versions.
/// </summary>
/// <example>
/// <code>
/// var uow = crm.BeginUnitOfWork();
/// var customer = await uow.CreateCustomerAsync(new CustomerDraft { DisplayName = "Ada Lovelace", Emails = ["ada@example.com"] });
/// await uow.CreateDealAsync(new DealDraft { CustomerId = customer.Id, PipelineId = pipeline.Id, Name = "Analytical engine", Amount = Money.Of(5000m, "GBP") });
/// await uow.CommitAsync();
/// </code>
/// </example>
public interface ICrmUnitOfWork
{
    /// <summary>Creates a customer (validated now, written on commit).</summary>
    /// <param name="draft">The customer's data.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new customer.</returns>
    /// <exception cref="CrmValidationException">The draft breaks a rule; the error lists every failing field.</exception>
    Task<Customer> CreateCustomerAsync(CustomerDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Records an interaction (validated now, written on commit). Its customer must exist or be created in this unit of work.</summary>
    /// <param name="draft">The interaction's data.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new interaction.</returns>
    /// <exception cref="CrmValidationException">The draft breaks a rule.</exception>
    Task<Interaction> CreateInteractionAsync(InteractionDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Creates a pipeline (validated now, written on commit).</summary>
    /// <param name="draft">The pipeline's name and stages.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new pipeline.</returns>
    /// <exception cref="CrmValidationException">The draft breaks a rule.</exception>
    Task<Pipeline> CreatePipelineAsync(PipelineDraft draft, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a deal (validated now, written on commit) in the pipeline its draft names: one created in this unit of
    /// work, or one already saved. Its customer must exist or be created in this unit of work.
    /// </summary>
    /// <param name="draft">The deal's data.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new deal.</returns>
    /// <exception cref="CrmValidationException">The draft breaks a rule.</exception>
    /// <exception cref="EntityNotFoundException">The pipeline does not exist.</exception>
    Task<Deal> CreateDealAsync(DealDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Opens a ticket (validated now, written on commit). Its customer must exist or be created in this unit of work.</summary>
    /// <param name="draft">The ticket's data.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new ticket.</returns>
    /// <exception cref="CrmValidationException">The draft breaks a rule.</exception>
    Task<Ticket> CreateTicketAsync(TicketDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Saves the changes made to a customer loaded earlier, if it is still at the version that was read.</summary>
    /// <param name="customer">The changed customer.</param>
    void Update(Customer customer);

    /// <summary>Saves the changes made to a pipeline loaded earlier, if it is still at the version that was read.</summary>
    /// <param name="pipeline">The changed pipeline.</param>
    void Update(Pipeline pipeline);

    /// <summary>Saves the changes made to a deal loaded earlier, if it is still at the version that was read.</summary>
    /// <param name="deal">The changed deal.</param>
    void Update(Deal deal);

    /// <summary>Saves the changes made to a ticket loaded earlier, if it is still at the version that was read.</summary>
    /// <param name="ticket">The changed ticket.</param>
    void Update(Ticket ticket);

    /// <summary>Writes everything in one transaction.</summary>
    /// <param name="cancellationToken">
    /// Cancels the commit until the transaction commits: a commit that throws <see cref="OperationCanceledException"/>
    /// wrote nothing, and one that committed completes normally.
    /// </param>
    /// <returns>A task that completes when the changes are durable.</returns>
    /// <exception cref="EntityNotFoundException">A record refers to a customer, deal or ticket that does not exist.</exception>
    /// <exception cref="DomainRuleException">An interaction names a deal or ticket of another customer (rule <c>other-customer</c>).</exception>
    /// <exception cref="InvalidOperationException">The unit of work was already committed (a programming error: begin a new one).</exception>
    /// <exception cref="ConcurrencyConflictException">A record changed since it was read.</exception>
    /// <exception cref="DuplicateKeyException">A unique value (such as an external id) is taken.</exception>
    /// <exception cref="CrmStorageException">The database failed.</exception>
    Task CommitAsync(CancellationToken cancellationToken = default);
}
