import type { StandardDefinition } from './types';

/**
 * ISO 9001:2015, Quality management systems — Requirements: clauses 4 to 10.3.
 *
 * Clause numbers are strings, not numbers: as numbers `7.10` would equal
 * `7.1`, and `7.1.5.1` could not be written at all. Strings compare exactly,
 * so front matter like `iso9001: ["8.5.1"]` matches as written.
 *
 * The list holds every numbered clause and subclause in document order.
 * Titles are the official English ones. Some numbered paragraphs have no
 * title of their own in the standard (4.4.1, 4.4.2, 6.1.1, 6.1.2, 6.2.1,
 * 6.2.2, 7.5.3.1, 7.5.3.2, 8.2.3.1, 8.2.3.2, 8.7.1, 8.7.2, 9.2.1, 9.2.2,
 * 10.2.1, 10.2.2). They repeat their parent clause's title here instead of
 * getting a made-up one.
 *
 * `documented: true` marks the clauses that require documented information
 * to be maintained or retained, as listed in docs/standards.md (the
 * built-in standard). The flag sits on the clause named in that list. For example,
 * 4.4 is flagged even though the requirement is in 4.4.2, and 7.1.5 is
 * flagged even though it is in 7.1.5.1 and 7.1.5.2.
 */
export const iso9001: StandardDefinition = {
  id: 'iso9001',
  title: 'ISO 9001:2015',
  clauses: [
    { number: '4', title: 'Context of the organization' },
    { number: '4.1', title: 'Understanding the organization and its context' },
    { number: '4.2', title: 'Understanding the needs and expectations of interested parties' },
    { number: '4.3', title: 'Determining the scope of the quality management system', documented: true },
    { number: '4.4', title: 'Quality management system and its processes', documented: true },
    { number: '4.4.1', title: 'Quality management system and its processes' },
    { number: '4.4.2', title: 'Quality management system and its processes' },

    { number: '5', title: 'Leadership' },
    { number: '5.1', title: 'Leadership and commitment' },
    { number: '5.1.1', title: 'General' },
    { number: '5.1.2', title: 'Customer focus' },
    { number: '5.2', title: 'Policy', documented: true },
    { number: '5.2.1', title: 'Establishing the quality policy' },
    { number: '5.2.2', title: 'Communicating the quality policy' },
    { number: '5.3', title: 'Organizational roles, responsibilities and authorities' },

    { number: '6', title: 'Planning' },
    { number: '6.1', title: 'Actions to address risks and opportunities' },
    { number: '6.1.1', title: 'Actions to address risks and opportunities' },
    { number: '6.1.2', title: 'Actions to address risks and opportunities' },
    { number: '6.2', title: 'Quality objectives and planning to achieve them', documented: true },
    { number: '6.2.1', title: 'Quality objectives and planning to achieve them' },
    { number: '6.2.2', title: 'Quality objectives and planning to achieve them' },
    { number: '6.3', title: 'Planning of changes' },

    { number: '7', title: 'Support' },
    { number: '7.1', title: 'Resources' },
    { number: '7.1.1', title: 'General' },
    { number: '7.1.2', title: 'People' },
    { number: '7.1.3', title: 'Infrastructure' },
    { number: '7.1.4', title: 'Environment for the operation of processes' },
    { number: '7.1.5', title: 'Monitoring and measuring resources', documented: true },
    { number: '7.1.5.1', title: 'General' },
    { number: '7.1.5.2', title: 'Measurement traceability' },
    { number: '7.1.6', title: 'Organizational knowledge' },
    { number: '7.2', title: 'Competence', documented: true },
    { number: '7.3', title: 'Awareness' },
    { number: '7.4', title: 'Communication' },
    { number: '7.5', title: 'Documented information', documented: true },
    { number: '7.5.1', title: 'General' },
    { number: '7.5.2', title: 'Creating and updating' },
    { number: '7.5.3', title: 'Control of documented information' },
    { number: '7.5.3.1', title: 'Control of documented information' },
    { number: '7.5.3.2', title: 'Control of documented information' },

    { number: '8', title: 'Operation' },
    { number: '8.1', title: 'Operational planning and control', documented: true },
    { number: '8.2', title: 'Requirements for products and services' },
    { number: '8.2.1', title: 'Customer communication' },
    { number: '8.2.2', title: 'Determining the requirements for products and services' },
    { number: '8.2.3', title: 'Review of the requirements for products and services', documented: true },
    { number: '8.2.3.1', title: 'Review of the requirements for products and services' },
    { number: '8.2.3.2', title: 'Review of the requirements for products and services' },
    { number: '8.2.4', title: 'Changes to requirements for products and services' },
    { number: '8.3', title: 'Design and development of products and services' },
    { number: '8.3.1', title: 'General' },
    { number: '8.3.2', title: 'Design and development planning', documented: true },
    { number: '8.3.3', title: 'Design and development inputs', documented: true },
    { number: '8.3.4', title: 'Design and development controls', documented: true },
    { number: '8.3.5', title: 'Design and development outputs', documented: true },
    { number: '8.3.6', title: 'Design and development changes', documented: true },
    { number: '8.4', title: 'Control of externally provided processes, products and services' },
    { number: '8.4.1', title: 'General', documented: true },
    { number: '8.4.2', title: 'Type and extent of control' },
    { number: '8.4.3', title: 'Information for external providers' },
    { number: '8.5', title: 'Production and service provision' },
    { number: '8.5.1', title: 'Control of production and service provision', documented: true },
    { number: '8.5.2', title: 'Identification and traceability', documented: true },
    { number: '8.5.3', title: 'Property belonging to customers or external providers', documented: true },
    { number: '8.5.4', title: 'Preservation' },
    { number: '8.5.5', title: 'Post-delivery activities' },
    { number: '8.5.6', title: 'Control of changes', documented: true },
    { number: '8.6', title: 'Release of products and services', documented: true },
    { number: '8.7', title: 'Control of nonconforming outputs' },
    { number: '8.7.1', title: 'Control of nonconforming outputs' },
    { number: '8.7.2', title: 'Control of nonconforming outputs', documented: true },

    { number: '9', title: 'Performance evaluation' },
    { number: '9.1', title: 'Monitoring, measurement, analysis and evaluation' },
    { number: '9.1.1', title: 'General', documented: true },
    { number: '9.1.2', title: 'Customer satisfaction' },
    { number: '9.1.3', title: 'Analysis and evaluation' },
    { number: '9.2', title: 'Internal audit' },
    { number: '9.2.1', title: 'Internal audit' },
    { number: '9.2.2', title: 'Internal audit', documented: true },
    { number: '9.3', title: 'Management review' },
    { number: '9.3.1', title: 'General' },
    { number: '9.3.2', title: 'Management review inputs' },
    { number: '9.3.3', title: 'Management review outputs', documented: true },

    { number: '10', title: 'Improvement' },
    { number: '10.1', title: 'General' },
    { number: '10.2', title: 'Nonconformity and corrective action' },
    { number: '10.2.1', title: 'Nonconformity and corrective action' },
    { number: '10.2.2', title: 'Nonconformity and corrective action', documented: true },
    { number: '10.3', title: 'Continual improvement' },
  ],
};
