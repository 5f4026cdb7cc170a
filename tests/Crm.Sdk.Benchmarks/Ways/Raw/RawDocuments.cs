using System.Text.Json.Serialization;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Tickets;

namespace Crm.Sdk.Benchmarks.Ways.Raw;

/// <summary>The JSON bodies the hand-written SQLite way stores per row (comparable to the SDK's documents).</summary>
internal static class RawDocuments
{
    internal sealed class Interaction
    {
        public Guid CustomerId { get; set; }

        public string Kind { get; set; } = "";

        public string Channel { get; set; } = "";

        public string Direction { get; set; } = "";

        public DateTimeOffset OccurredAt { get; set; }

        public DateTimeOffset RecordedAt { get; set; }

        public string? Subject { get; set; }

        public string? Body { get; set; }

        public List<Participant>? Participants { get; set; }

        public string? OrderReference { get; set; }

        public decimal? Amount { get; set; }

        public string? Currency { get; set; }

        public string? FeedbackCategory { get; set; }

        public int? Rating { get; set; }

        public string? FeedbackComment { get; set; }

        public string? EventName { get; set; }

        public Dictionary<string, string>? EventProperties { get; set; }
    }

    internal sealed class Participant
    {
        public string? Name { get; set; }

        public string? Address { get; set; }

        public string? Role { get; set; }
    }

    internal sealed class Customer
    {
        public string GivenName { get; set; } = "";

        public string FamilyName { get; set; } = "";

        public string DisplayName { get; set; } = "";

        public List<string> Emails { get; set; } = [];

        public List<string> Phones { get; set; } = [];

        public string? City { get; set; }

        public List<string> Tags { get; set; } = [];

        public string Stage { get; set; } = "";

        public string? OwnerId { get; set; }

        public DateTimeOffset CreatedAt { get; set; }
    }

    internal sealed class Ticket
    {
        public Guid CustomerId { get; set; }

        public string Type { get; set; } = "";

        public string Priority { get; set; } = "";

        public string Status { get; set; } = "";

        public string Subject { get; set; } = "";

        public string? Description { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }

        public DateTimeOffset? ResolvedAt { get; set; }
    }

    internal sealed class Pipeline
    {
        public string Name { get; set; } = "";

        public List<Stage> Stages { get; set; } = [];
    }

    internal sealed class Stage
    {
        public Guid Id { get; set; }

        public string Name { get; set; } = "";

        public decimal Probability { get; set; }

        public string Outcome { get; set; } = "";
    }

    internal sealed class Deal
    {
        public Guid CustomerId { get; set; }

        public string Name { get; set; } = "";

        public decimal Amount { get; set; }

        public string Currency { get; set; } = "";

        public Guid StageId { get; set; }

        public string Status { get; set; } = "open";

        public DateTimeOffset CreatedAt { get; set; }
    }
}
