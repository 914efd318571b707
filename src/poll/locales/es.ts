import type { Translation } from '../../core/index.js';
import type { messages } from '../messages.js';

/** This element's wording in Spanish: every key of `../messages.ts`, or the typecheck fails. */
const es: Translation<typeof messages> = {
  'poll.vote': 'Votar',
  'poll.votes': { one: '{count} voto', other: '{count} votos' },
  'poll.totalVotes': 'Total de votos: {count}',
  'poll.voteRecorded': 'Voto registrado.',
  'poll.yourChoice': 'Tu elección',
  'poll.closed': 'Encuesta cerrada',
  'poll.closesOn': 'La votación cierra el {date}',
  'poll.unavailable': 'La votación no está disponible en este momento.',
  'poll.alreadyVoted': 'Ya has votado en esta encuesta.',
  'poll.closedNow': 'Esta encuesta ya se cerró, así que tu voto no se contó.',
  'poll.voteFailed': 'No se pudo enviar tu voto. Inténtalo de nuevo.',
  'poll.loadFailed': 'No se pudo cargar la encuesta.',
  'poll.noOptions': 'Esta encuesta aún no tiene opciones.',
  'poll.chooseUpTo': { one: 'Elige 1 opción.', other: 'Elige hasta {count} opciones.' },
  'poll.chooseAny': 'Elige una o más opciones.',
  'poll.showResults': 'Ver resultados',
  'poll.backToVote': 'Volver a votar',
  'poll.hiddenUntilClose': 'Gracias por votar. Los resultados se mostrarán cuando cierre la encuesta.',
  'poll.sending': 'Enviando tu voto…',
};
export default es;
