using System.ComponentModel.DataAnnotations;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Tickets;

namespace Crm.Sdk.Benchmarks.Ways.EfCore;

/// <summary>The entities a host would write for EF Core: plain classes, real columns, enums as integers.</summary>
internal static class EfEntities
{
    internal sealed class Customer
    {
        public Guid Id { get; set; }

        [MaxLength(200)]
        public string GivenName { get; set; } = "";

        [MaxLength(200)]
        public string FamilyName { get; set; } = "";

        [MaxLength(200)]
        public string DisplayName { get; set; } = "";

        [MaxLength(320)]
        public string Email { get; set; } = "";

        [MaxLength(40)]
        public string Phone { get; set; } = "";

        [MaxLength(100)]
        public string? City { get; set; }

        [MaxLength(40)]
        public string Stage { get; set; } = "";

        [MaxLength(100)]
        public string? OwnerId { get; set; }

        public DateTime CreatedAt { get; set; }
    }

    internal sealed class Interaction
    {
        public Guid Id { get; set; }

        public Guid CustomerId { get; set; }

        public InteractionKind Kind { get; set; }

        public InteractionChannel Channel { get; set; }

        public InteractionDirection Direction { get; set; }

        public DateTime OccurredAt { get; set; }

        public DateTime RecordedAt { get; set; }

        [MaxLength(500)]
        public string? Subject { get; set; }

        public string? Body { get; set; }

        public string? ParticipantName { get; set; }

        public string? ParticipantAddress { get; set; }

        public string? OrderReference { get; set; }

        public decimal? Amount { get; set; }

        [MaxLength(3)]
        public string? Currency { get; set; }

        public FeedbackCategory? FeedbackCategory { get; set; }

        public int? Rating { get; set; }

        public string? FeedbackComment { get; set; }

        public string? EventName { get; set; }
    }

    internal sealed class Pipeline
    {
        public Guid Id { get; set; }

        public string Name { get; set; } = "";

        public List<Stage> Stages { get; set; } = [];
    }

    internal sealed class Stage
    {
        public Guid Id { get; set; }

        public Guid PipelineId { get; set; }

        public int Position { get; set; }

        public string Name { get; set; } = "";

        public decimal Probability { get; set; }

        public StageOutcome Outcome { get; set; }
    }

    internal sealed class Deal
    {
        public Guid Id { get; set; }

        public Guid CustomerId { get; set; }

        public Guid PipelineId { get; set; }

        public Guid StageId { get; set; }

        public DealStatus Status { get; set; }

        public string Name { get; set; } = "";

        public decimal Amount { get; set; }

        [MaxLength(3)]
        public string Currency { get; set; } = "";

        public DateTime CreatedAt { get; set; }
    }

    internal sealed class Ticket
    {
        public Guid Id { get; set; }

        public Guid CustomerId { get; set; }

        public TicketType Type { get; set; }

        public TicketPriority Priority { get; set; }

        public TicketStatus Status { get; set; }

        public bool IsOpen { get; set; }

        public int? Rating { get; set; }

        public string Subject { get; set; } = "";

        public string? Description { get; set; }

        public DateTime CreatedAt { get; set; }

        public DateTime UpdatedAt { get; set; }

        public DateTime? ResolvedAt { get; set; }

        [ConcurrencyCheck]
        public int Version { get; set; }
    }
}
