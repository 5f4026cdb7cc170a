using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Storage;
using Crm.Sdk.Tickets;

namespace Crm.Sdk.Customers;

/// <summary>The default <see cref="ICustomerService"/>.</summary>
internal sealed class CustomerService(CrmStore store, CrmContext context) : ICustomerService
{
    private static readonly string[] ContactKinds =
        [.. new[] { InteractionKind.Email, InteractionKind.Call, InteractionKind.Chat, InteractionKind.Meeting }.Select(InteractionMapping.ToIndex)];

    private static readonly Dictionary<string, InteractionKind> KindsByIndex =
        Enum.GetValues<InteractionKind>().ToDictionary(InteractionMapping.ToIndex, StringComparer.Ordinal);

    public async Task<Customer> CreateAsync(CustomerDraft draft, CancellationToken cancellationToken = default)
    {
        var uow = new CrmUnitOfWork(store, context);
        var customer = uow.CreateCustomer(draft);
        await uow.CommitAsync(cancellationToken).ConfigureAwait(false);
        return customer;
    }

    public Task<Customer> GetAsync(CustomerId id, CancellationToken cancellationToken = default) =>
        store.GetAsync(context.Customers, id.Value, cancellationToken);

    public Task<Customer?> FindAsync(CustomerId id, CancellationToken cancellationToken = default) =>
        store.FindAsync(context.Customers, id.Value, cancellationToken);

    public async Task UpdateAsync(Customer customer, CancellationToken cancellationToken = default)
    {
        var uow = new CrmUnitOfWork(store, context);
        uow.Update(customer);
        await uow.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(CustomerId id, CancellationToken cancellationToken = default)
    {
        var customer = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        var uow = new CrmUnitOfWork(store, context);
        foreach (var (collection, index) in new[]
        {
            (InteractionMapping.CollectionName, InteractionMapping.CustomerIdIndex),
            (DealMapping.CollectionName, DealMapping.CustomerIdIndex),
            (TicketMapping.CollectionName, TicketMapping.CustomerIdIndex),
        })
        {
            var query = new DocumentQuery(collection) { Filter = IndexFilter.Equal(index, id.Value) };
            await foreach (var document in store.QueryDocumentsAsync(query, cancellationToken).ConfigureAwait(false))
            {
                uow.Add(DocumentWrite.Delete(collection, document.Id, document.Version));
            }
        }

        customer.MarkDeleted();
        uow.Delete(customer);
        await uow.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<Customer>> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var normalized = EmailAddress.Parse(email).Normalized;
        return ListAsync(IndexFilter.Equal(CustomerMapping.EmailsIndex, normalized), cancellationToken);
    }

    public Task<IReadOnlyList<Customer>> FindByPhoneAsync(string phone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var e164 = PhoneNumber.Parse(phone, context.CustomerPolicy.DefaultCountryCallingCode).E164;
        return ListAsync(IndexFilter.Equal(CustomerMapping.PhonesIndex, e164), cancellationToken);
    }

    public async Task<Customer?> FindByExternalIdAsync(string source, string value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(value);
        var found = await ListAsync(IndexFilter.Equal(CustomerMapping.ExternalIdsIndex, CustomerMapping.ExternalIdKey(source, value)), cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public Task<Page<Customer>> SearchAsync(CustomerSearch criteria, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var prefix = string.IsNullOrWhiteSpace(criteria.NamePrefix) ? null : CustomerMapping.NameKey(criteria.NamePrefix);
        var query = new DocumentQuery(CustomerMapping.CollectionName)
        {
            Filter = IndexFilter.And(
                prefix is null ? null : IndexFilter.StartsWith(CustomerMapping.NameKeyIndex, prefix),
                string.IsNullOrWhiteSpace(criteria.Tag) ? null : IndexFilter.Equal(CustomerMapping.TagsIndex, CustomerTag.Normalize(criteria.Tag)),
                criteria.LifecycleStage is { } stage ? IndexFilter.Equal(CustomerMapping.LifecycleStageIndex, CustomerMapping.StageValue(stage)) : null,
                criteria.OwnerId is { } owner ? IndexFilter.Equal(CustomerMapping.OwnerIdIndex, owner) : null),
            OrderBy = CustomerMapping.NameKeyIndex,
        };
        var listName = $"customers:{prefix}:{criteria.Tag}:{criteria.LifecycleStage}:{criteria.OwnerId}";
        return store.PageAsync(context.Customers, listName, query, page, cancellationToken);
    }

    public async Task<Customer360> GetSummaryAsync(CustomerId id, CancellationToken cancellationToken = default)
    {
        var customer = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        var byCustomer = IndexFilter.Equal(InteractionMapping.CustomerIdIndex, id.Value);

        var kinds = store.AggregateAsync(
            new AggregateQuery(InteractionMapping.CollectionName, byCustomer, [InteractionMapping.KindIndex],
                [new AggregateFunction(AggregateKind.Count), new AggregateFunction(AggregateKind.Max, InteractionMapping.OccurredAtIndex)]),
            cancellationToken);
        var money = store.AggregateAsync(
            new AggregateQuery(InteractionMapping.CollectionName,
                IndexFilter.And(byCustomer, IndexFilter.AnyOf(InteractionMapping.KindIndex, [InteractionMapping.ToIndex(InteractionKind.Purchase), InteractionMapping.ToIndex(InteractionKind.Refund)])),
                [InteractionMapping.KindIndex, InteractionMapping.CurrencyIndex],
                [new AggregateFunction(AggregateKind.Sum, InteractionMapping.AmountIndex)]),
            cancellationToken);
        var feedback = store.AggregateAsync(
            new AggregateQuery(InteractionMapping.CollectionName,
                IndexFilter.And(byCustomer, IndexFilter.Equal(InteractionMapping.RatingScaleIndex, InteractionMapping.ToIndex(RatingScale.FiveStar))),
                [],
                [new AggregateFunction(AggregateKind.Count), new AggregateFunction(AggregateKind.Sum, InteractionMapping.RatingIndex)]),
            cancellationToken);
        var deals = store.AggregateAsync(
            new AggregateQuery(DealMapping.CollectionName,
                IndexFilter.And(IndexFilter.Equal(DealMapping.CustomerIdIndex, id.Value), IndexFilter.Equal(DealMapping.StatusIndex, DealMapping.StatusKey(DealStatus.Open))),
                [DealMapping.CurrencyIndex],
                [new AggregateFunction(AggregateKind.Count), new AggregateFunction(AggregateKind.Sum, DealMapping.AmountIndex)]),
            cancellationToken);
        var tickets = store.AggregateAsync(
            new AggregateQuery(TicketMapping.CollectionName,
                IndexFilter.Equal(TicketMapping.CustomerIdIndex, id.Value),
                [TicketMapping.IsOpenIndex],
                [new AggregateFunction(AggregateKind.Count), new AggregateFunction(AggregateKind.Count, TicketMapping.RatingIndex), new AggregateFunction(AggregateKind.Sum, TicketMapping.RatingIndex)]),
            cancellationToken);
        await Task.WhenAll(kinds, money, feedback, deals, tickets).ConfigureAwait(false);

        var kindRows = kinds.Result;
        var counts = kindRows.ToDictionary(r => KindsByIndex[(string)r.Keys[0]!], r => (long)r.Values[0]!);
        var lastAny = kindRows.Select(r => r.Values[1] as long?).Max();
        var lastContact = kindRows.Where(r => ContactKinds.Contains((string)r.Keys[0]!)).Select(r => r.Values[1] as long?).Max();

        var moneyRows = money.Result;
        var purchaseKey = InteractionMapping.ToIndex(InteractionKind.Purchase);
        var feedbackRow = feedback.Result.Count > 0 ? feedback.Result[0] : null;
        var ticketRows = tickets.Result;
        var ratingCount = (feedbackRow?.Values[0] as long? ?? 0) + ticketRows.Sum(r => r.Values[1] as long? ?? 0);
        var ratingSum = (feedbackRow?.Values[1] as long? ?? 0) + ticketRows.Sum(r => r.Values[2] as long? ?? 0);

        return new Customer360
        {
            Customer = customer,
            InteractionCounts = counts,
            LastInteractionAt = lastAny is { } a ? NodaTime.Instant.FromUnixTimeTicks(a) : null,
            LastContactAt = lastContact is { } c ? NodaTime.Instant.FromUnixTimeTicks(c) : null,
            TotalPurchases = MoneyTotals.ByCurrency(moneyRows.Where(r => (string?)r.Keys[0] == purchaseKey), currencyKey: 1, valueIndex: 0),
            TotalRefunds = MoneyTotals.ByCurrency(moneyRows.Where(r => (string?)r.Keys[0] != purchaseKey), currencyKey: 1, valueIndex: 0),
            OpenDeals = deals.Result.Sum(r => (long)r.Values[0]!),
            OpenDealAmount = MoneyTotals.ByCurrency(deals.Result, currencyKey: 0, valueIndex: 1),
            OpenTickets = ticketRows.Where(r => r.Keys[0] is 1L).Sum(r => (long)r.Values[0]!),
            AverageSatisfaction = ratingCount == 0 ? null : (double)ratingSum / ratingCount,
            SatisfactionRatings = ratingCount,
        };
    }

    private async Task<IReadOnlyList<Customer>> ListAsync(IndexFilter filter, CancellationToken cancellationToken)
    {
        var customers = new List<Customer>();
        var query = new DocumentQuery(CustomerMapping.CollectionName) { Filter = filter, Limit = 1000 };
        await foreach (var customer in store.QueryAsync(context.Customers, query, cancellationToken).ConfigureAwait(false))
        {
            customers.Add(customer);
        }

        return customers;
    }
}
