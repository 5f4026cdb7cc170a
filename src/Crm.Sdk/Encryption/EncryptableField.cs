namespace Crm.Sdk.Encryption;

/// <summary>A field of personal data that Crm.Sdk can encrypt, named <c>collection.field</c>.</summary>
/// <param name="Name">The name used in <see cref="FieldEncryptionOptions.EncryptedFields"/>, for example <c>customers.emails</c>.</param>
/// <param name="Description">What the field holds.</param>
/// <param name="EncryptedByDefault">Whether it is encrypted unless the host removes it.</param>
public sealed record EncryptableField(string Name, string Description, bool EncryptedByDefault)
{
    /// <summary>The names of the encryptable fields, for <see cref="FieldEncryptionOptions.EncryptedFields"/>.</summary>
    public static class Names
    {
        /// <summary>A customer's display name (blind-indexed for exact and prefix search).</summary>
        public const string CustomerDisplayName = "customers.display_name";

        /// <summary>A person's given, middle and family names.</summary>
        public const string CustomerPersonName = "customers.person_name";

        /// <summary>A company's name.</summary>
        public const string CustomerCompanyName = "customers.company_name";

        /// <summary>Email addresses with their labels (blind-indexed for find by email).</summary>
        public const string CustomerEmails = "customers.emails";

        /// <summary>Phone numbers with their labels (blind-indexed for find by phone).</summary>
        public const string CustomerPhones = "customers.phones";

        /// <summary>Postal addresses.</summary>
        public const string CustomerAddresses = "customers.addresses";

        /// <summary>The values of text custom fields (free text).</summary>
        public const string CustomerTextFields = "customers.text_custom_fields";

        /// <summary>An interaction's subject.</summary>
        public const string InteractionSubject = "interactions.subject";

        /// <summary>An interaction's body.</summary>
        public const string InteractionBody = "interactions.body";

        /// <summary>An interaction's participants (names and addresses).</summary>
        public const string InteractionParticipants = "interactions.participants";

        /// <summary>A feedback comment.</summary>
        public const string InteractionFeedbackComment = "interactions.feedback_comment";

        /// <summary>A ticket's subject.</summary>
        public const string TicketSubject = "tickets.subject";

        /// <summary>A ticket's description.</summary>
        public const string TicketDescription = "tickets.description";

        /// <summary>The bodies of a ticket's comments.</summary>
        public const string TicketComments = "tickets.comments";

        /// <summary>The customer's comment with a satisfaction rating.</summary>
        public const string TicketSatisfactionComment = "tickets.satisfaction_comment";

        /// <summary>A deal's name (not encrypted by default: deal names are usually business labels).</summary>
        public const string DealName = "deals.name";
    }

    /// <summary>Every field Crm.Sdk can encrypt, and whether it does by default.</summary>
    public static IReadOnlyList<EncryptableField> All { get; } =
    [
        new(Names.CustomerDisplayName, "customer display name", true),
        new(Names.CustomerPersonName, "person's given, middle and family names", true),
        new(Names.CustomerCompanyName, "company name", true),
        new(Names.CustomerEmails, "email addresses and labels", true),
        new(Names.CustomerPhones, "phone numbers and labels", true),
        new(Names.CustomerAddresses, "postal addresses", true),
        new(Names.CustomerTextFields, "values of text custom fields", true),
        new(Names.InteractionSubject, "interaction subject", true),
        new(Names.InteractionBody, "interaction body", true),
        new(Names.InteractionParticipants, "interaction participants", true),
        new(Names.InteractionFeedbackComment, "feedback comment", true),
        new(Names.TicketSubject, "ticket subject", true),
        new(Names.TicketDescription, "ticket description", true),
        new(Names.TicketComments, "ticket comment bodies", true),
        new(Names.TicketSatisfactionComment, "satisfaction comment", true),
        new(Names.DealName, "deal name", false),
    ];
}
