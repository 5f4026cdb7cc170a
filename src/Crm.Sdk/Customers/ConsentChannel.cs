namespace Crm.Sdk.Customers;

/// <summary>A channel of marketing communication that needs the customer's consent.</summary>
public enum ConsentChannel
{
    /// <summary>Marketing email.</summary>
    Email,

    /// <summary>Text messages.</summary>
    Sms,

    /// <summary>Marketing calls.</summary>
    Phone,

    /// <summary>Letters and catalogues by post.</summary>
    Post,

    /// <summary>Push notifications of the host's apps.</summary>
    Push,

    /// <summary>Messaging apps (WhatsApp, WeChat, …).</summary>
    Messaging,
}
