namespace Crm.Sdk.Customers;

/// <summary>
/// Customers: create, read, change, delete and erase; find by email, phone or external id; list and stream; the 360°
/// summary of one customer; and shortcuts for the main state changes (lifecycle stage, owner).
/// </summary>
/// <remarks>
/// With access control (<c>AddAccessControl</c>) every call checks the current actor and a denied call throws
/// <see cref="Security.AccessDeniedException"/> before anything is written. Customers are scoped by their owner; an actor below level All creates customers with an owner in its scope (an unowned one is denied). Lists, streams and lookups by email, phone or external id are filtered by the actor's scope in the database query: an out-of-scope customer is not found. Reading, changing, deleting or erasing one customer checks its stored owner (and a new owner must be in scope too). The 360° summary counts only what the actor may read. Reading one record by id that is out
/// of the actor's scope throws <see cref="Security.AccessDeniedException"/>, from <c>FindAsync</c> too (rather than
/// returning <see langword="null"/>): the denial is explicit and audited, and no data is returned.
/// </remarks>
public interface ICustomerService
{
    /// <summary>Creates a customer.</summary>
    /// <param name="draft">The customer's data.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved customer (version 1).</returns>
    /// <exception cref="CrmValidationException">The draft breaks a rule; the error lists every failing field.</exception>
    /// <exception cref="DuplicateKeyException">An external id is already used by another customer.</exception>
    Task<Customer> CreateAsync(CustomerDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Reads a customer.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The customer.</returns>
    /// <exception cref="EntityNotFoundException">No customer has that id.</exception>
    Task<Customer> GetAsync(CustomerId id, CancellationToken cancellationToken = default);

    /// <summary>Reads a customer, or <see langword="null"/> when there is none with that id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The customer, or <see langword="null"/>.</returns>
    Task<Customer?> FindAsync(CustomerId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves the changes made to a customer through its methods (<c>AddTag</c>, <c>ChangeLifecycleStage</c>, …),
    /// if nobody changed it since it was read.
    /// </summary>
    /// <param name="customer">The changed customer; its <see cref="Domain.AggregateRoot{TId}.Version"/> is incremented.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ConcurrencyConflictException">The customer changed since it was read; read it again and retry.</exception>
    Task UpdateAsync(Customer customer, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a customer together with its interactions, deals, tickets and data keys, in one transaction.
    /// </summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the call; nothing is deleted then.</param>
    /// <returns>A task that completes when deleted.</returns>
    /// <exception cref="EntityNotFoundException">No customer has that id.</exception>
    Task DeleteAsync(CustomerId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases a customer's personal data for good (right to erasure), in one transaction: with field encryption, its data
    /// key and blind-index values are deleted, so every encrypted value of the customer — in this database and in any
    /// older copy or backup of it — becomes unreadable (crypto-shredding); without encryption, the personal text of its
    /// interactions and tickets is overwritten. The customer stays, marked <see cref="Customer.IsErased"/>, with what holds
    /// no personal data (kind, tags, stage, owner, external ids, consents), and its interactions, deals and tickets keep
    /// their kinds, amounts, statuses and dates. Reading them afterwards gives <c>IsErased</c> records, not errors.
    /// Erasing twice is harmless.
    /// </summary>
    /// <param name="id">The customer.</param>
    /// <param name="cancellationToken">Cancels the call; nothing is erased then.</param>
    /// <returns>A task that completes when the erasure is durable.</returns>
    /// <exception cref="EntityNotFoundException">No customer has that id.</exception>
    Task EraseAsync(CustomerId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes everything the CRM holds about one customer (subject access, GDPR Art. 15 and 20) to
    /// <paramref name="destination"/> as one JSON document, decrypted: the profile, consents and their history, every
    /// interaction (oldest first), deal (with its stage history) and ticket (with its comments and rating), and, when the
    /// audit trail is added, the audit entries about them. The layout is versioned (<see cref="Privacy.SubjectExport"/>)
    /// and described in the docs article <c>subject-access-export</c>. The document is streamed with flat memory; an erased
    /// customer exports what remains, with <c>erased: true</c>.
    /// </summary>
    /// <remarks>
    /// The actor needs <see cref="Security.CrmAction.Export"/> on customers (for this customer's owner), on interactions
    /// (idem), on deals and tickets (reaching every deal and ticket of the customer) and, when the audit trail is added, on
    /// the audit trail. Every check is made before the first byte is written: a denied call writes nothing to the stream.
    /// When the audit trail is added, one <see cref="Audit.AuditAction.Export"/> entry naming the customer is recorded as the
    /// export starts (the records it reads are not recorded one by one).
    /// </remarks>
    /// <param name="id">The customer.</param>
    /// <param name="destination">Where the document is written (UTF-8 JSON); not closed.</param>
    /// <param name="progress">Receives the part being written and the records written so far, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the export; what was written so far is an incomplete document.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="EntityNotFoundException">No customer has that id.</exception>
    /// <exception cref="Security.AccessDeniedException">The actor may not export this customer or one of its records.</exception>
    Task<Privacy.SubjectExportResult> ExportAsync(CustomerId id, Stream destination, IProgress<Privacy.SubjectExportProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Finds the customers that have an email address (compared case-insensitively, trimmed).</summary>
    /// <param name="email">The address.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The customers with that address, oldest first; empty when none.</returns>
    /// <exception cref="CrmValidationException">The text is not an email address.</exception>
    Task<IReadOnlyList<Customer>> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Finds the customers that have a phone number (compared in E.164 form).</summary>
    /// <param name="phone">The number, international or national (read in <see cref="CrmOptions.DefaultPhoneRegion"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The customers with that number, oldest first; empty when none.</returns>
    /// <exception cref="CrmValidationException">The text is not a phone number.</exception>
    Task<IReadOnlyList<Customer>> FindByPhoneAsync(string phone, CancellationToken cancellationToken = default);

    /// <summary>Finds the customer that the host's system knows under an external id (unique per source).</summary>
    /// <param name="source">The source system, for example <c>erp</c>.</param>
    /// <param name="value">The id in that system.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The customer, or <see langword="null"/>.</returns>
    Task<Customer?> FindByExternalIdAsync(string source, string value, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists customers by name prefix, tag, lifecycle stage and owner (all optional, combined with AND), one keyset page at
    /// a time. Ordered by name; with field encryption on, names cannot be ordered in the database and customers come in
    /// creation order, and a page filtered by a name prefix may hold fewer than <see cref="PageRequest.PageSize"/> items
    /// while more follow (go on while <see cref="Page{T}.ContinuationToken"/> is set).
    /// </summary>
    /// <param name="filter">Which customers; <see cref="CustomerFilter.All"/> for every customer.</param>
    /// <param name="page">Which page; <see cref="PageRequest.First"/> for the first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One page of customers.</returns>
    /// <exception cref="CrmValidationException">The filter or the continuation token is invalid.</exception>
    Task<Page<Customer>> ListAsync(CustomerFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Streams every customer the filter selects, in the order of <see cref="ListAsync"/>, with flat memory.</summary>
    /// <param name="filter">Which customers; <see cref="CustomerFilter.All"/> for every customer.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The customers.</returns>
    IAsyncEnumerable<Customer> StreamAsync(CustomerFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Moves a customer to another lifecycle stage and saves it (a shortcut for <see cref="Customer.ChangeLifecycleStage"/> then <see cref="UpdateAsync"/>).</summary>
    /// <param name="id">The customer.</param>
    /// <param name="stage">The new stage.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved customer.</returns>
    /// <exception cref="EntityNotFoundException">No customer has that id.</exception>
    /// <exception cref="CrmValidationException">The stage is undefined.</exception>
    /// <exception cref="ConcurrencyConflictException">The customer changed while this call ran; retry.</exception>
    Task<Customer> ChangeLifecycleStageAsync(CustomerId id, LifecycleStage stage, CancellationToken cancellationToken = default);

    /// <summary>Gives a customer to an owner (or none) and saves it (a shortcut for <see cref="Customer.AssignOwner"/> then <see cref="UpdateAsync"/>).</summary>
    /// <param name="id">The customer.</param>
    /// <param name="ownerId">The owner's user id in the host, or <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved customer.</returns>
    /// <exception cref="EntityNotFoundException">No customer has that id.</exception>
    /// <exception cref="CrmValidationException">The owner id breaks the text rules.</exception>
    /// <exception cref="ConcurrencyConflictException">The customer changed while this call ran; retry.</exception>
    Task<Customer> AssignOwnerAsync(CustomerId id, string? ownerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The customer 360° view in one call: the profile, interaction counts by kind, last contact, purchases and
    /// refunds, open deals, open tickets and average satisfaction. Totals are <see cref="MoneyTotal"/> values, exact
    /// whatever their size: the total of valid amounts never makes this call fail.
    /// </summary>
    /// <param name="id">The customer id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="EntityNotFoundException">No customer has that id.</exception>
    Task<Customer360> GetSummaryAsync(CustomerId id, CancellationToken cancellationToken = default);
}
