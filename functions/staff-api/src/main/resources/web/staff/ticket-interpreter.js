// A ticket's interpreter as staff see it in the live queue: where the search stands, whether "call next"
// waits for it, and what staff can do about it (ask, cancel, say the interpreter arrived).
import { isolated, node } from './ui.js';

/** What staff can do, as the staff API takes it. */
export const INTERPRETER_ACTIONS = {
  'interpreter-ask': { method: 'POST', path: '/interpreter', label: 'Ask for interpreter', style: 'secondary' },
  'interpreter-cancel': { method: 'DELETE', path: '/interpreter', label: 'Cancel interpreter', style: 'danger' },
  'interpreter-arrived': { method: 'POST', path: '/interpreter/arrived', label: 'Interpreter arrived', style: 'ok' }
};

const ACCESSIBLE_NAMES = {
  'interpreter-ask': (code) => 'Ask for an interpreter for ' + code,
  'interpreter-cancel': (code) => 'Cancel the interpreter of ' + code,
  'interpreter-arrived': (code) => 'The interpreter of ' + code + ' has arrived'
};

// How an asked interpreter's offer ended, where it is no longer open.
const ANSWER = { ACCEPTED: 'said yes', DECLINED: 'said no', EXPIRED: 'no answer', TAKEN: 'taken', WITHDRAWN: 'withdrawn' };

const LIVE = ['WAITING', 'CALLED'];

/** The actions a ticket offers now: none for a finished visit. */
export function interpreterActions(ticket) {
  if (!LIVE.includes(ticket.status)) {
    return [];
  }
  const status = ticket.interpreter ? ticket.interpreter.status : null;
  if (status === 'CONFIRMED') {
    return ['interpreter-arrived', 'interpreter-cancel'];
  }
  if (status === 'OFFERING') {
    return ['interpreter-cancel'];
  }
  return status === 'ARRIVED' ? [] : ['interpreter-ask'];
}

export function accessibleName(action, code) {
  return ACCESSIBLE_NAMES[action](code);
}

/** Whether "call next" passes the visitor by: their interpreter is neither here nor given up on. */
export function waitsForInterpreter(ticket) {
  return ticket.interpreter ? !ticket.interpreter.readyToCall : ticket.needsInterpreter;
}

/** "Finding interpreter (wave 1): asked Parisa Ahmadi, Hamid Karimi (said no)", and the other states, as text. */
export function interpreterState(interpreter) {
  const line = node('span', { className: 'interp-state', dataset: { testid: 'interpreter-state' } });
  const confirmed = interpreter.confirmedBy;
  switch (interpreter.status) {
    case 'OFFERING':
      line.append('Finding interpreter (wave ' + interpreter.wave + ')');
      if (interpreter.asked.length) {
        line.append(': asked ');
        interpreter.asked.forEach((asked, index) => {
          line.append(index ? ', ' : '', isolated(asked.name), ANSWER[asked.state] ? ' (' + ANSWER[asked.state] + ')' : '');
        });
      }
      break;
    case 'CONFIRMED':
      line.append('Interpreter confirmed: ', isolated(confirmed ? confirmed.name : ''));
      if (confirmed && confirmed.phone) {
        line.append(', ', node('span', { className: 'contact', dir: 'ltr', textContent: confirmed.phone }));
      }
      break;
    case 'ARRIVED':
      line.append('Interpreter here', confirmed ? ': ' : '', confirmed ? isolated(confirmed.name) : '');
      break;
    case 'NONE_FOUND':
      line.append('No interpreter found');
      break;
    case 'CANCELLED':
      line.append('Interpreter cancelled');
      break;
    default:
      line.append('Interpreter no longer needed');
  }
  return line;
}

/** What changed enough to tell staff: the state, the wave, who confirmed. */
export function interpreterKey(interpreter) {
  return interpreter
    ? [interpreter.status, interpreter.wave, interpreter.confirmedBy ? interpreter.confirmedBy.id : ''].join('|')
    : '';
}

/** What staff are told after an action, from the search as the server now has it (null: there was none). */
export function afterAction(action, code, interpreter) {
  if (!interpreter) {
    return code + ' had no interpreter search to cancel.';
  }
  if (action === 'interpreter-arrived') {
    return code + ': interpreter here. Call next can call them now.';
  }
  return code + ': ' + interpreterState(interpreter).textContent + '.';
}
