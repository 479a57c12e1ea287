"""Contains all the data models used in inputs/outputs"""

from .account import Account
from .add_comment_request import AddCommentRequest
from .add_sms_connection_request import AddSmsConnectionRequest
from .boolean_string import BooleanString
from .call import Call
from .call_direction import CallDirection
from .call_raw_response import CallRawResponse
from .call_response import CallResponse
from .call_status import CallStatus
from .channel_source import ChannelSource
from .chat_message import ChatMessage
from .chat_message_list_response import ChatMessageListResponse
from .comment import Comment
from .comment_response import CommentResponse
from .communication_channel import CommunicationChannel
from .communication_channel_list_response import CommunicationChannelListResponse
from .connection import Connection
from .connection_list import ConnectionList
from .connection_list_response import ConnectionListResponse
from .create_call_request import CreateCallRequest
from .create_email_accounts_request import CreateEmailAccountsRequest
from .create_order_request import CreateOrderRequest
from .create_person_request import CreatePersonRequest
from .create_traffic_source_request import CreateTrafficSourceRequest
from .created_person import CreatedPerson
from .created_person_response import CreatedPersonResponse
from .currency import Currency
from .custom_field import CustomField
from .custom_field_type import CustomFieldType
from .email_contact import EmailContact
from .empty_data import EmptyData
from .empty_response import EmptyResponse
from .error_detail import ErrorDetail
from .error_detail_fields import ErrorDetailFields
from .error_envelope import ErrorEnvelope
from .lead_gen_tool import LeadGenTool
from .lead_gen_tool_type import LeadGenToolType
from .manual_order_status import ManualOrderStatus
from .manual_subscribe_form import ManualSubscribeForm
from .message_template import MessageTemplate
from .message_template_list import MessageTemplateList
from .message_template_list_response import MessageTemplateListResponse
from .order import Order
from .order_details import OrderDetails
from .order_details_response import OrderDetailsResponse
from .order_list_response import OrderListResponse
from .order_ref import OrderRef
from .order_ref_response import OrderRefResponse
from .order_response import OrderResponse
from .order_status import OrderStatus
from .page_meta import PageMeta
from .payment_method import PaymentMethod
from .person import Person
from .person_included import PersonIncluded
from .person_links import PersonLinks
from .person_list_response import PersonListResponse
from .person_response import PersonResponse
from .person_summary import PersonSummary
from .resource_link import ResourceLink
from .send_message_request import SendMessageRequest
from .send_template_request import SendTemplateRequest
from .sms_contact import SmsContact
from .sms_processing import SmsProcessing
from .sms_processing_response import SmsProcessingResponse
from .subscribe_history_entry import SubscribeHistoryEntry
from .tag import Tag
from .tag_form import TagForm
from .tag_list_response import TagListResponse
from .template_category import TemplateCategory
from .template_category_list import TemplateCategoryList
from .template_category_list_response import TemplateCategoryListResponse
from .template_variables import TemplateVariables
from .traffic_source import TrafficSource
from .traffic_source_response import TrafficSourceResponse
from .tunnel import Tunnel
from .tunnel_include import TunnelInclude
from .tunnel_linked import TunnelLinked
from .tunnel_links import TunnelLinks
from .tunnel_list_response import TunnelListResponse
from .tunnel_response import TunnelResponse
from .tunnel_stats import TunnelStats
from .tunnel_stats_list_response import TunnelStatsListResponse
from .update_order_form import UpdateOrderForm
from .update_person_request import UpdatePersonRequest
from .user import User
from .user_list_response import UserListResponse
from .user_response import UserResponse
from .utm_marks import UtmMarks

__all__ = (
    "Account",
    "AddCommentRequest",
    "AddSmsConnectionRequest",
    "BooleanString",
    "Call",
    "CallDirection",
    "CallRawResponse",
    "CallResponse",
    "CallStatus",
    "ChannelSource",
    "ChatMessage",
    "ChatMessageListResponse",
    "Comment",
    "CommentResponse",
    "CommunicationChannel",
    "CommunicationChannelListResponse",
    "Connection",
    "ConnectionList",
    "ConnectionListResponse",
    "CreateCallRequest",
    "CreatedPerson",
    "CreatedPersonResponse",
    "CreateEmailAccountsRequest",
    "CreateOrderRequest",
    "CreatePersonRequest",
    "CreateTrafficSourceRequest",
    "Currency",
    "CustomField",
    "CustomFieldType",
    "EmailContact",
    "EmptyData",
    "EmptyResponse",
    "ErrorDetail",
    "ErrorDetailFields",
    "ErrorEnvelope",
    "LeadGenTool",
    "LeadGenToolType",
    "ManualOrderStatus",
    "ManualSubscribeForm",
    "MessageTemplate",
    "MessageTemplateList",
    "MessageTemplateListResponse",
    "Order",
    "OrderDetails",
    "OrderDetailsResponse",
    "OrderListResponse",
    "OrderRef",
    "OrderRefResponse",
    "OrderResponse",
    "OrderStatus",
    "PageMeta",
    "PaymentMethod",
    "Person",
    "PersonIncluded",
    "PersonLinks",
    "PersonListResponse",
    "PersonResponse",
    "PersonSummary",
    "ResourceLink",
    "SendMessageRequest",
    "SendTemplateRequest",
    "SmsContact",
    "SmsProcessing",
    "SmsProcessingResponse",
    "SubscribeHistoryEntry",
    "Tag",
    "TagForm",
    "TagListResponse",
    "TemplateCategory",
    "TemplateCategoryList",
    "TemplateCategoryListResponse",
    "TemplateVariables",
    "TrafficSource",
    "TrafficSourceResponse",
    "Tunnel",
    "TunnelInclude",
    "TunnelLinked",
    "TunnelLinks",
    "TunnelListResponse",
    "TunnelResponse",
    "TunnelStats",
    "TunnelStatsListResponse",
    "UpdateOrderForm",
    "UpdatePersonRequest",
    "User",
    "UserListResponse",
    "UserResponse",
    "UtmMarks",
)
