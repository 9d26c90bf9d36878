/**
 * The SuperOffice Web API contract's schemas as TypeScript types, generated from the Swagger
 * documents in this folder by `npm run build:api-contract` (json-schema-to-typescript). Do not edit.
 */

/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "CRMScriptEntity".
 */
export interface CRMScriptEntity {
  EjscriptId?: number;
  UniqueIdentifier?: string;
  Name?: string;
  Description?: string;
  IncludeId?: string;
  AccessKey?: string;
  HierarchyId?: number;
  Source?: string;
  SourceCode?: string;
  ScriptType?: "Unknown" | "CRMScript" | "JavaScript";
  HtmlOutput?: number;
  Includes?: number[];
  SourceMaps?: CRMScriptSourceMap[];
  ValidationResult?: CRMScriptResult;
  Registered?: string;
  RegisteredAssociateId?: number;
  Updated?: string;
  UpdatedAssociateId?: number;
  BlockedVerbs?:
    | "BlockNone"
    | "BlockGET"
    | "BlockPOST"
    | "BlockPUT"
    | "BlockDELETE"
    | "BlockPATCH"
    | "BlockOPTIONS"
    | "BlockHEAD"
    | "BlockTRACE"
    | "BlockCONNECT"
    | "BlockOTHER"
    | "BlockAll";
  TableRight?: TableRight;
  FieldProperties?: {
    [k: string]: FieldProperty;
  };
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "CRMScriptSourceMap".
 */
export interface CRMScriptSourceMap {
  LineNumberFrom?: number;
  LineNumberTo?: number;
  Delta?: number;
  IncludeId?: string;
  IncludedFrom?: string[];
  TableRight?: TableRight;
  FieldProperties?: {
    [k: string]: FieldProperty;
  };
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "TableRight".
 */
export interface TableRight {
  Mask?: string;
  Reason?: string;
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "FieldProperty".
 */
export interface FieldProperty {
  FieldRight?: FieldRight;
  FieldType?: string;
  FieldLength?: number;
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "FieldRight".
 */
export interface FieldRight {
  Mask?: string;
  Reason?: string;
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "CRMScriptResult".
 */
export interface CRMScriptResult {
  Valid?: boolean;
  ErrorMessage?: string;
  LineNumber?: number;
  ErrorInformation?: CRMScriptErrorInfo;
  Transpiled?: string;
  Includes?: number[];
  SourceMaps?: CRMScriptSourceMap[];
  TableRight?: TableRight;
  FieldProperties?: {
    [k: string]: FieldProperty;
  };
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "CRMScriptErrorInfo".
 */
export interface CRMScriptErrorInfo {
  ErrorMessage?: string;
  IncludeId?: string;
  LineNumber?: number;
  CharacterPosition?: number;
  TableRight?: TableRight;
  FieldProperties?: {
    [k: string]: FieldProperty;
  };
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "CRMScriptEntityWithLinks".
 */
export interface CRMScriptEntityWithLinks {
  EjscriptId?: number;
  UniqueIdentifier?: string;
  Name?: string;
  Description?: string;
  IncludeId?: string;
  AccessKey?: string;
  HierarchyId?: number;
  Source?: string;
  SourceCode?: string;
  ScriptType?: "Unknown" | "CRMScript" | "JavaScript";
  HtmlOutput?: number;
  Includes?: number[];
  SourceMaps?: CRMScriptSourceMap[];
  ValidationResult?: CRMScriptResult;
  Registered?: string;
  RegisteredAssociateId?: number;
  Updated?: string;
  UpdatedAssociateId?: number;
  BlockedVerbs?:
    | "BlockNone"
    | "BlockGET"
    | "BlockPOST"
    | "BlockPUT"
    | "BlockDELETE"
    | "BlockPATCH"
    | "BlockOPTIONS"
    | "BlockHEAD"
    | "BlockTRACE"
    | "BlockCONNECT"
    | "BlockOTHER"
    | "BlockAll";
  TableRight?: TableRight;
  FieldProperties?: {
    [k: string]: FieldProperty;
  };
  _Links?: {
    [k: string]: string;
  };
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "CRMScriptRunResult".
 */
export interface CRMScriptRunResult {
  Output?: string;
  Parameters?: {
    [k: string]: string;
  };
  TraceRun?: CRMScriptTraceRun;
  Eventdata?: EventData;
  Success?: boolean;
  ErrorInformation?: CRMScriptErrorInfo;
  StatusCode?: number;
  StatusMessage?: string;
  Headers?: {
    [k: string]: string;
  };
  TableRight?: TableRight;
  FieldProperties?: {
    [k: string]: FieldProperty;
  };
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "CRMScriptTraceRun".
 */
export interface CRMScriptTraceRun {
  StartedAt?: string;
  EndedAt?: string;
  ExecutionTime?: number;
  UserExecutionTime?: number;
  PeakMemory?: number;
  NumFrames?: number;
  FileSize?: number;
  AssociateId?: number;
  Status?: string;
  Frames?: string;
  ForceSaveTrace?: boolean;
  TableRight?: TableRight;
  FieldProperties?: {
    [k: string]: FieldProperty;
  };
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "EventData".
 */
export interface EventData {
  Type?:
    | "Unknown"
    | "NewTicket"
    | "NewTicketFromCustomerCenter"
    | "NewTicketFromEmail"
    | "NewTicketFromCustomerCenterBeforeSave"
    | "NewTicketFromSpmLink"
    | "NewNotifyTicketFromForm"
    | "NewTicketFromForm"
    | "TicketSave"
    | "TicketClosed"
    | "TicketPostponed"
    | "TicketDeleted"
    | "TicketActivated"
    | "TicketReopened"
    | "TicketReopenedFromCustomerCenter"
    | "TicketReopenedFromEmail"
    | "TicketChangedPriority"
    | "TicketChangedCategory"
    | "TicketChangedOwnedBy"
    | "TicketChangedPrimaryCustomer"
    | "TicketChangedTicketStatus"
    | "TicketChangedSlevel"
    | "TicketMessageAdded"
    | "TicketInternalMessageAdded"
    | "TicketExternalMessageAdded"
    | "TicketMessageSentimentCalculated"
    | "CompactModeInjection"
    | "CustomerCenterAuthentication"
    | "ScheduledTaskFailed"
    | "DbiTaskFailed"
    | "CustomerSetSubscriptions"
    | "ImportMailBeforeProcessing"
    | "ImportMailAfterProcessing"
    | "MainMenu"
    | "ChatNewSession"
    | "ChatSessionChangedStatus"
    | "ChatBeforeSaveNewMessage"
    | "ChatAfterSaveNewMessage"
    | "ServiceScreenNewTicketLoad"
    | "ServiceScreenNewQuickTicketLoad"
    | "ServiceScreenListTicketMessagesLoad"
    | "ServiceScreenAddMessageLoad"
    | "ServiceScreenEditTicketLoad"
    | "ServiceScreenViewCustomerLoad"
    | "ServiceScreenEditCustomerLoad"
    | "ServiceScreenViewCompanyLoad"
    | "ServiceScreenEditCompanyLoad"
    | "ServiceScreenForwardLoad"
    | "ServiceScreenEditExtraTableLoad"
    | "ServiceScreenNewTicketBeforeSubmit"
    | "ServiceScreenNewQuickTicketBeforeSubmit"
    | "ServiceScreenListTicketMessagesBeforeSubmit"
    | "ServiceScreenAddMessageBeforeSubmit"
    | "ServiceScreenEditTicketBeforeSubmit"
    | "ServiceScreenViewCustomerBeforeSubmit"
    | "ServiceScreenEditCustomerBeforeSubmit"
    | "ServiceScreenViewCompanyBeforeSubmit"
    | "ServiceScreenEditCompanyBeforeSubmit"
    | "ServiceScreenForwardBeforeSubmit"
    | "ServiceScreenEditExtraTableBeforeSubmit"
    | "ServiceScreenNewTicketAfterSubmit"
    | "ServiceScreenNewQuickTicketAfterSubmit"
    | "ServiceScreenListTicketMessagesAfterSubmit"
    | "ServiceScreenAddMessageAfterSubmit"
    | "ServiceScreenEditTicketAfterSubmit"
    | "ServiceScreenViewCustomerAfterSubmit"
    | "ServiceScreenEditCustomerAfterSubmit"
    | "ServiceScreenViewCompanyAfterSubmit"
    | "ServiceScreenEditCompanyAfterSubmit"
    | "ServiceScreenForwardAfterSubmit"
    | "ServiceScreenEditExtraTableAfterSubmit"
    | "SalesBeforeSaveAppointment"
    | "SalesBeforeSaveStakeholder"
    | "SalesBeforeSaveQuote"
    | "SalesBeforeSaveDocument"
    | "SalesBeforeSaveContact"
    | "SalesBeforeSavePerson"
    | "SalesBeforeSaveRelation"
    | "SalesBeforeSaveSale"
    | "SalesBeforeSaveProject"
    | "SalesBeforeSaveSelection"
    | "SalesBeforeSaveProjectMember"
    | "SalesBeforeSaveSelectionMember"
    | "SalesBeforeSaveQuoteLine"
    | "SalesBeforeSaveApproveQuote"
    | "SalesBeforeSaveRejectQuote"
    | "SalesBeforeSaveTicket"
    | "SalesLoadCustomObject"
    | "SalesBeforeSaveCustomObject"
    | "SalesAfterSaveAppointment"
    | "SalesAfterSaveStakeholder"
    | "SalesAfterSaveQuote"
    | "SalesAfterSaveDocument"
    | "SalesAfterSaveContact"
    | "SalesAfterSavePerson"
    | "SalesAfterSaveRelation"
    | "SalesAfterSaveSale"
    | "SalesAfterSaveProject"
    | "SalesAfterSaveSelection"
    | "SalesAfterSaveProjectMember"
    | "SalesAfterSaveSelectionMember"
    | "SalesAfterSaveQuoteLine"
    | "SalesAfterSaveApproveQuote"
    | "SalesAfterSaveRejectQuote"
    | "SalesAfterSaveTicket"
    | "SalesAfterSaveCustomObject"
    | "SalesSplitTicket"
    | "SalesLoadTicket"
    | "SalesLoadTicketMessage";
  InputValues?: {
    [k: string]: string;
  };
  BlockExecution?: boolean;
  NavigateTo?: string;
  Message?: string;
  ShowDialog?: string;
  OutputValues?: {
    [k: string]: string;
  };
  StateValues?: {
    [k: string]: string;
  };
  Exception?: string;
  ParserValues?: {
    [k: string]: string;
  };
  CgiVariables?: {
    [k: string]: string;
  };
  CgiContent?: string;
  Headers?: {
    [k: string]: string;
  };
  TraceExecution?: boolean;
  TableRight?: TableRight;
  FieldProperties?: {
    [k: string]: FieldProperty;
  };
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "DeleteCRMScriptByUniqueIdentifierRequest".
 */
export interface DeleteCRMScriptByUniqueIdentifierRequest {
  UniqueIdentifier?: string;
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "DeleteTriggerScriptByUniqueIdRequest".
 */
export interface DeleteTriggerScriptByUniqueIdRequest {
  TriggerScriptUniqueId?: string;
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "ExecuteScriptAsEventByUniqueIdRequest".
 */
export interface ExecuteScriptAsEventByUniqueIdRequest {
  CRMScriptUniqueId?: string;
  EventData?: EventData;
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "ExecuteScriptAsEventRequest".
 */
export interface ExecuteScriptAsEventRequest {
  CRMScriptId?: number;
  EventData?: EventData;
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "ExecuteScriptByIncludeIdRequest".
 */
export interface ExecuteScriptByIncludeIdRequest {
  CRMScriptIncludeId?: string;
  Parameters?: {
    [k: string]: string;
  };
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "ExecuteScriptByStringRequest".
 */
export interface ExecuteScriptByStringRequest {
  Script?: string;
  Parameters?: {
    [k: string]: string;
  };
  EventData?: EventData;
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "ExecuteScriptByUniqueIdRequest".
 */
export interface ExecuteScriptByUniqueIdRequest {
  CRMScriptUniqueId?: string;
  Parameters?: {
    [k: string]: string;
  };
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "ExecuteScriptRequest".
 */
export interface ExecuteScriptRequest {
  CRMScriptId?: number;
  Parameters?: {
    [k: string]: string;
  };
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "GetCRMScriptByUniqueIdentifierRequest".
 */
export interface GetCRMScriptByUniqueIdentifierRequest {
  UniqueIdentifier?: string;
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "GetTriggerScriptByUniqueIdRequest".
 */
export interface GetTriggerScriptByUniqueIdRequest {
  TriggerScriptUniqueId?: string;
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "HierarchyEntity".
 */
export interface HierarchyEntity {
  HierarchyId?: number;
  Domain?:
    | "Unknown"
    | "ExtraTables"
    | "ScreenDefinitions"
    | "Scripts"
    | "Selections"
    | "ExternalDocuments"
    | "UserGroups"
    | "ExternalDocumentRelatedToSpmMessage"
    | "Dashboards"
    | "EmailFlows";
  Name?: string;
  Fullname?: string;
  ParentId?: number;
  Children?: HierarchyEntity[];
  Registered?: string;
  RegisteredAssociateId?: number;
  Updated?: string;
  UpdatedAssociateId?: number;
  TableRight?: TableRight;
  FieldProperties?: {
    [k: string]: FieldProperty;
  };
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "HierarchyEntityWithLinks".
 */
export interface HierarchyEntityWithLinks {
  HierarchyId?: number;
  Domain?:
    | "Unknown"
    | "ExtraTables"
    | "ScreenDefinitions"
    | "Scripts"
    | "Selections"
    | "ExternalDocuments"
    | "UserGroups"
    | "ExternalDocumentRelatedToSpmMessage"
    | "Dashboards"
    | "EmailFlows";
  Name?: string;
  Fullname?: string;
  ParentId?: number;
  Children?: HierarchyEntity[];
  Registered?: string;
  RegisteredAssociateId?: number;
  Updated?: string;
  UpdatedAssociateId?: number;
  TableRight?: TableRight;
  FieldProperties?: {
    [k: string]: FieldProperty;
  };
  _Links?: {
    [k: string]: string;
  };
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "ODataSlimResponse".
 */
export interface ODataSlimResponse {
  "odata.metadata"?: string;
  "odata.nextLink"?: string;
  value?: {
    [k: string]: {};
  }[];
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "ResolveIncludesRequest".
 */
export interface ResolveIncludesRequest {
  Script?: string;
  IgnoreErrors?: boolean;
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "SaveCRMScriptByUniqueIdentifierRequest".
 */
export interface SaveCRMScriptByUniqueIdentifierRequest {
  UniqueIdentifier?: string;
  Crmscript?: Script;
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "Script".
 */
export interface Script {
  UniqueIdentifier?: string;
  Name?: string;
  Description?: string;
  IncludeId?: string;
  Source?: string;
  Registered?: string;
  RegisteredBy?: string;
  Updated?: string;
  UpdatedBy?: string;
  Path?: string;
  BlockedVerbs?:
    | "BlockNone"
    | "BlockGET"
    | "BlockPOST"
    | "BlockPUT"
    | "BlockDELETE"
    | "BlockPATCH"
    | "BlockOPTIONS"
    | "BlockHEAD"
    | "BlockTRACE"
    | "BlockCONNECT"
    | "BlockOTHER"
    | "BlockAll";
  TableRight?: TableRight;
  FieldProperties?: {
    [k: string]: FieldProperty;
  };
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "SaveCRMScriptEntityWithoutCompileRequest".
 */
export interface SaveCRMScriptEntityWithoutCompileRequest {
  CrmScriptEntity?: CRMScriptEntity;
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "SaveTriggerScriptByUniqueIdRequest".
 */
export interface SaveTriggerScriptByUniqueIdRequest {
  TriggerScriptUniqueId?: string;
  Entity?: TriggerScriptEntity;
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "TriggerScriptEntity".
 */
export interface TriggerScriptEntity {
  ScreenChooserId?: number;
  Name?: string;
  ScreenType?:
    | "Unknown"
    | "NewTicket"
    | "NewTicketFromCustomerCenter"
    | "NewTicketFromEmail"
    | "NewTicketFromCustomerCenterBeforeSave"
    | "NewTicketFromSpmLink"
    | "NewNotifyTicketFromForm"
    | "NewTicketFromForm"
    | "TicketSave"
    | "TicketClosed"
    | "TicketPostponed"
    | "TicketDeleted"
    | "TicketActivated"
    | "TicketReopened"
    | "TicketReopenedFromCustomerCenter"
    | "TicketReopenedFromEmail"
    | "TicketChangedPriority"
    | "TicketChangedCategory"
    | "TicketChangedOwnedBy"
    | "TicketChangedPrimaryCustomer"
    | "TicketChangedTicketStatus"
    | "TicketChangedSlevel"
    | "TicketMessageAdded"
    | "TicketInternalMessageAdded"
    | "TicketExternalMessageAdded"
    | "TicketMessageSentimentCalculated"
    | "CompactModeInjection"
    | "CustomerCenterAuthentication"
    | "ScheduledTaskFailed"
    | "DbiTaskFailed"
    | "CustomerSetSubscriptions"
    | "ImportMailBeforeProcessing"
    | "ImportMailAfterProcessing"
    | "MainMenu"
    | "ChatNewSession"
    | "ChatSessionChangedStatus"
    | "ChatBeforeSaveNewMessage"
    | "ChatAfterSaveNewMessage"
    | "ServiceScreenNewTicketLoad"
    | "ServiceScreenNewQuickTicketLoad"
    | "ServiceScreenListTicketMessagesLoad"
    | "ServiceScreenAddMessageLoad"
    | "ServiceScreenEditTicketLoad"
    | "ServiceScreenViewCustomerLoad"
    | "ServiceScreenEditCustomerLoad"
    | "ServiceScreenViewCompanyLoad"
    | "ServiceScreenEditCompanyLoad"
    | "ServiceScreenForwardLoad"
    | "ServiceScreenEditExtraTableLoad"
    | "ServiceScreenNewTicketBeforeSubmit"
    | "ServiceScreenNewQuickTicketBeforeSubmit"
    | "ServiceScreenListTicketMessagesBeforeSubmit"
    | "ServiceScreenAddMessageBeforeSubmit"
    | "ServiceScreenEditTicketBeforeSubmit"
    | "ServiceScreenViewCustomerBeforeSubmit"
    | "ServiceScreenEditCustomerBeforeSubmit"
    | "ServiceScreenViewCompanyBeforeSubmit"
    | "ServiceScreenEditCompanyBeforeSubmit"
    | "ServiceScreenForwardBeforeSubmit"
    | "ServiceScreenEditExtraTableBeforeSubmit"
    | "ServiceScreenNewTicketAfterSubmit"
    | "ServiceScreenNewQuickTicketAfterSubmit"
    | "ServiceScreenListTicketMessagesAfterSubmit"
    | "ServiceScreenAddMessageAfterSubmit"
    | "ServiceScreenEditTicketAfterSubmit"
    | "ServiceScreenViewCustomerAfterSubmit"
    | "ServiceScreenEditCustomerAfterSubmit"
    | "ServiceScreenViewCompanyAfterSubmit"
    | "ServiceScreenEditCompanyAfterSubmit"
    | "ServiceScreenForwardAfterSubmit"
    | "ServiceScreenEditExtraTableAfterSubmit"
    | "SalesBeforeSaveAppointment"
    | "SalesBeforeSaveStakeholder"
    | "SalesBeforeSaveQuote"
    | "SalesBeforeSaveDocument"
    | "SalesBeforeSaveContact"
    | "SalesBeforeSavePerson"
    | "SalesBeforeSaveRelation"
    | "SalesBeforeSaveSale"
    | "SalesBeforeSaveProject"
    | "SalesBeforeSaveSelection"
    | "SalesBeforeSaveProjectMember"
    | "SalesBeforeSaveSelectionMember"
    | "SalesBeforeSaveQuoteLine"
    | "SalesBeforeSaveApproveQuote"
    | "SalesBeforeSaveRejectQuote"
    | "SalesBeforeSaveTicket"
    | "SalesLoadCustomObject"
    | "SalesBeforeSaveCustomObject"
    | "SalesAfterSaveAppointment"
    | "SalesAfterSaveStakeholder"
    | "SalesAfterSaveQuote"
    | "SalesAfterSaveDocument"
    | "SalesAfterSaveContact"
    | "SalesAfterSavePerson"
    | "SalesAfterSaveRelation"
    | "SalesAfterSaveSale"
    | "SalesAfterSaveProject"
    | "SalesAfterSaveSelection"
    | "SalesAfterSaveProjectMember"
    | "SalesAfterSaveSelectionMember"
    | "SalesAfterSaveQuoteLine"
    | "SalesAfterSaveApproveQuote"
    | "SalesAfterSaveRejectQuote"
    | "SalesAfterSaveTicket"
    | "SalesAfterSaveCustomObject"
    | "SalesSplitTicket"
    | "SalesLoadTicket"
    | "SalesLoadTicketMessage";
  Enabled?: boolean;
  UniqueIdentifier?: string;
  Source?: string;
  Registered?: string;
  RegisteredAssociateId?: number;
  Updated?: string;
  UpdatedAssociateId?: number;
  TableRight?: TableRight;
  FieldProperties?: {
    [k: string]: FieldProperty;
  };
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "TriggerScriptEntityWithLinks".
 */
export interface TriggerScriptEntityWithLinks {
  ScreenChooserId?: number;
  Name?: string;
  ScreenType?:
    | "Unknown"
    | "NewTicket"
    | "NewTicketFromCustomerCenter"
    | "NewTicketFromEmail"
    | "NewTicketFromCustomerCenterBeforeSave"
    | "NewTicketFromSpmLink"
    | "NewNotifyTicketFromForm"
    | "NewTicketFromForm"
    | "TicketSave"
    | "TicketClosed"
    | "TicketPostponed"
    | "TicketDeleted"
    | "TicketActivated"
    | "TicketReopened"
    | "TicketReopenedFromCustomerCenter"
    | "TicketReopenedFromEmail"
    | "TicketChangedPriority"
    | "TicketChangedCategory"
    | "TicketChangedOwnedBy"
    | "TicketChangedPrimaryCustomer"
    | "TicketChangedTicketStatus"
    | "TicketChangedSlevel"
    | "TicketMessageAdded"
    | "TicketInternalMessageAdded"
    | "TicketExternalMessageAdded"
    | "TicketMessageSentimentCalculated"
    | "CompactModeInjection"
    | "CustomerCenterAuthentication"
    | "ScheduledTaskFailed"
    | "DbiTaskFailed"
    | "CustomerSetSubscriptions"
    | "ImportMailBeforeProcessing"
    | "ImportMailAfterProcessing"
    | "MainMenu"
    | "ChatNewSession"
    | "ChatSessionChangedStatus"
    | "ChatBeforeSaveNewMessage"
    | "ChatAfterSaveNewMessage"
    | "ServiceScreenNewTicketLoad"
    | "ServiceScreenNewQuickTicketLoad"
    | "ServiceScreenListTicketMessagesLoad"
    | "ServiceScreenAddMessageLoad"
    | "ServiceScreenEditTicketLoad"
    | "ServiceScreenViewCustomerLoad"
    | "ServiceScreenEditCustomerLoad"
    | "ServiceScreenViewCompanyLoad"
    | "ServiceScreenEditCompanyLoad"
    | "ServiceScreenForwardLoad"
    | "ServiceScreenEditExtraTableLoad"
    | "ServiceScreenNewTicketBeforeSubmit"
    | "ServiceScreenNewQuickTicketBeforeSubmit"
    | "ServiceScreenListTicketMessagesBeforeSubmit"
    | "ServiceScreenAddMessageBeforeSubmit"
    | "ServiceScreenEditTicketBeforeSubmit"
    | "ServiceScreenViewCustomerBeforeSubmit"
    | "ServiceScreenEditCustomerBeforeSubmit"
    | "ServiceScreenViewCompanyBeforeSubmit"
    | "ServiceScreenEditCompanyBeforeSubmit"
    | "ServiceScreenForwardBeforeSubmit"
    | "ServiceScreenEditExtraTableBeforeSubmit"
    | "ServiceScreenNewTicketAfterSubmit"
    | "ServiceScreenNewQuickTicketAfterSubmit"
    | "ServiceScreenListTicketMessagesAfterSubmit"
    | "ServiceScreenAddMessageAfterSubmit"
    | "ServiceScreenEditTicketAfterSubmit"
    | "ServiceScreenViewCustomerAfterSubmit"
    | "ServiceScreenEditCustomerAfterSubmit"
    | "ServiceScreenViewCompanyAfterSubmit"
    | "ServiceScreenEditCompanyAfterSubmit"
    | "ServiceScreenForwardAfterSubmit"
    | "ServiceScreenEditExtraTableAfterSubmit"
    | "SalesBeforeSaveAppointment"
    | "SalesBeforeSaveStakeholder"
    | "SalesBeforeSaveQuote"
    | "SalesBeforeSaveDocument"
    | "SalesBeforeSaveContact"
    | "SalesBeforeSavePerson"
    | "SalesBeforeSaveRelation"
    | "SalesBeforeSaveSale"
    | "SalesBeforeSaveProject"
    | "SalesBeforeSaveSelection"
    | "SalesBeforeSaveProjectMember"
    | "SalesBeforeSaveSelectionMember"
    | "SalesBeforeSaveQuoteLine"
    | "SalesBeforeSaveApproveQuote"
    | "SalesBeforeSaveRejectQuote"
    | "SalesBeforeSaveTicket"
    | "SalesLoadCustomObject"
    | "SalesBeforeSaveCustomObject"
    | "SalesAfterSaveAppointment"
    | "SalesAfterSaveStakeholder"
    | "SalesAfterSaveQuote"
    | "SalesAfterSaveDocument"
    | "SalesAfterSaveContact"
    | "SalesAfterSavePerson"
    | "SalesAfterSaveRelation"
    | "SalesAfterSaveSale"
    | "SalesAfterSaveProject"
    | "SalesAfterSaveSelection"
    | "SalesAfterSaveProjectMember"
    | "SalesAfterSaveSelectionMember"
    | "SalesAfterSaveQuoteLine"
    | "SalesAfterSaveApproveQuote"
    | "SalesAfterSaveRejectQuote"
    | "SalesAfterSaveTicket"
    | "SalesAfterSaveCustomObject"
    | "SalesSplitTicket"
    | "SalesLoadTicket"
    | "SalesLoadTicketMessage";
  Enabled?: boolean;
  UniqueIdentifier?: string;
  Source?: string;
  Registered?: string;
  RegisteredAssociateId?: number;
  Updated?: string;
  UpdatedAssociateId?: number;
  TableRight?: TableRight;
  FieldProperties?: {
    [k: string]: FieldProperty;
  };
  _Links?: {
    [k: string]: string;
  };
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "ValidateScriptByIncludeIdRequest".
 */
export interface ValidateScriptByIncludeIdRequest {
  CRMScriptIncludeId?: string;
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "ValidateScriptByStringRequest".
 */
export interface ValidateScriptByStringRequest {
  Script?: string;
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "ValidateScriptByUniqueIdRequest".
 */
export interface ValidateScriptByUniqueIdRequest {
  CRMScriptUniqueId?: string;
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "ValidateScriptRequest".
 */
export interface ValidateScriptRequest {
  CRMScriptId?: number;
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "ValidateTriggerScriptByUniqueIdRequest".
 */
export interface ValidateTriggerScriptByUniqueIdRequest {
  TriggerScriptUniqueId?: string;
}
/**
 * This interface was referenced by `WebApiContract`'s JSON-Schema
 * via the `definition` "ValidateTriggerScriptRequest".
 */
export interface ValidateTriggerScriptRequest {
  TriggerScriptId?: number;
}
