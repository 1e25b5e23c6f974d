package com.epicevents.crm.application.port.in;

import com.epicevents.crm.application.port.out.ClientFilter;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.client.ClientId;

/** Every active collaborator reads all clients. */
public interface ViewClientsUseCase {
  ClientView get(AuthToken token, ClientId id);

  Page<ClientView> list(AuthToken token, ClientFilter filter, PageRequest page);
}
